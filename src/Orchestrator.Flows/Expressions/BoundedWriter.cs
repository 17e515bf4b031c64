using System.Text;

namespace Orchestrator.Flows.Expressions;

/// <summary>Collects a render's text and stops it at <see cref="ExpressionLimits.MaxStringLength"/> characters.</summary>
internal sealed class BoundedWriter : StringWriter
{
    public BoundedWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override void Write(char value)
    {
        Ensure(1);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Ensure(count);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Ensure(buffer.Length);
        base.Write(buffer);
    }

    public override void Write(string? value)
    {
        Ensure(value?.Length ?? 0);
        base.Write(value);
    }

    public override void Write(StringBuilder? value)
    {
        Ensure(value?.Length ?? 0);
        base.Write(value);
    }

    private void Ensure(int more)
    {
        if ((long)GetStringBuilder().Length + more > ExpressionLimits.MaxStringLength)
        {
            throw new LiquidLimitException($"its text grew longer than the limit of {ExpressionLimits.MaxStringLength:N0} characters");
        }
    }
}

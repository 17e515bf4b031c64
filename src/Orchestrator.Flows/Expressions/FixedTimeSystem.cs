using System.Globalization;
using Jint.Runtime;

namespace Orchestrator.Flows.Expressions;

/// <summary>The clock scripts see (<c>new Date()</c>, <c>Date.now()</c>): the instance's recorded time, so replay decides the same.</summary>
internal sealed class FixedTimeSystem(DateTime utcNow) : DefaultTimeSystem(TimeZoneInfo.Utc, CultureInfo.InvariantCulture)
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc));
}

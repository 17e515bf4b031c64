using CsCheck;
using Orchestrator.Server.Mapping;

namespace Orchestrator.Server.Tests.Mapping;

public sealed class ErrorTextTests
{
    [Fact]
    public void WithoutStackTrace_MessageWithFramesAndMarkers_KeepsOnlyWhatWentWrong()
    {
        const string message = """
            Posting failed: System.InvalidOperationException: The ledger is closed.
             ---> System.IO.IOException: Disk full.
               at Acme.Ledger.Write() in /src/Acme/Ledger.cs:line 12
               at Acme.Ledger.<PostAsync>d__3.MoveNext()
               --- End of inner exception stack trace ---
               at Acme.Ledger.Post()
            --- End of stack trace from previous location ---
            Check the ledger in /src/Acme/Ledger.cs:line 40 for details.
            """;

        ErrorText.WithoutStackTrace(message).Should().Be(
            "Posting failed: System.InvalidOperationException: The ledger is closed.\n"
            + " ---> System.IO.IOException: Disk full.\n"
            + "Check the ledger for details.");
    }

    [Theory]
    [InlineData("Task 'x' (#0) failed: timeout after 00:00:05.")]
    [InlineData("Look at the approval at noon.")]
    [InlineData("JavaScript error at 1:5 in the expression.")]
    public void WithoutStackTrace_OrdinaryMessage_IsUnchanged(string message) =>
        ErrorText.WithoutStackTrace(message).Should().Be(message);

    [Fact]
    public void WithoutStackTrace_AnyText_NeverThrows() =>
        Gen.String.Sample(text => ErrorText.WithoutStackTrace(text).Length <= text.Length, iter: 5_000);
}

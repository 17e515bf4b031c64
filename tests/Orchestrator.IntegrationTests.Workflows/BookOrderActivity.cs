using Microsoft.Extensions.Configuration;
using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>
/// Books an order in a booking system that is closed until the file at ItTests:BookingGatePath exists; a closed system
/// is not worth retrying, so the call fails for good and the instance waits for an operator.
/// </summary>
[Activity("it.book-order")]
public sealed class BookOrderActivity(IConfiguration configuration) : Activity<string, string>
{
    public override Task<string> RunAsync(ActivityContext context, string input)
    {
        var gate = configuration["ItTests:BookingGatePath"] ?? throw new InvalidOperationException("Set ItTests:BookingGatePath.");
        if (!File.Exists(gate))
        {
            throw new NonRetriableException($"The booking system is closed; order {input} was not booked.");
        }

        return Task.FromResult($"booked {input} ({context.IdempotencyKey})");
    }
}

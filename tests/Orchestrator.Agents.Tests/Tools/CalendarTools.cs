using System.ComponentModel;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>Static tool methods: no instance, a cancellation token that is bound rather than described, and a record result.</summary>
public sealed class CalendarTools
{
    [Tool("calendar.next-slot", Description = "Finds the next free meeting slot.")]
    public static async Task<Slot> NextSlot(
        [Description("Who must attend.")] string attendee,
        [Description("Length in minutes.")] int minutes,
        CancellationToken cancellationToken,
        [Description("Earliest hour of the day.")] int earliestHour = 9)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return new Slot(attendee, new DateTime(2026, 3, 2, earliestHour, 0, 0, DateTimeKind.Utc), minutes);
    }

    public sealed record Slot(string Attendee, DateTime Start, int Minutes);
}

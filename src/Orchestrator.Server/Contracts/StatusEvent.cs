using System.Text.Json;
using Orchestrator.Core;

namespace Orchestrator.Server.Contracts;

/// <summary>The data of a <c>status</c> stream event.</summary>
/// <param name="Status">The runtime status.</param>
/// <param name="CustomStatus">The custom status, as JSON.</param>
internal sealed record StatusEvent(InstanceStatus Status, JsonElement? CustomStatus);

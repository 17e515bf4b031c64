using System.Text.Json;

namespace Orchestrator.Cli.Api.Models;

/// <summary>The data of the stream's <c>status</c> event.</summary>
internal sealed record StatusChange(string Status, JsonElement? CustomStatus = null);

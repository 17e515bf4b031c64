using System.Text.Json;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>The input of <c>test.classify</c>: the question, how many repair prompts, and an explicit schema if any.</summary>
public sealed record ClassifyInput(string Question, int RepairAttempts = 2, JsonElement? Schema = null);

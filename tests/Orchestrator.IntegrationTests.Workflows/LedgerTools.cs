using System.ComponentModel;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Tools;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>A refund tool with a real side effect: a ledger row per idempotency key (re-deliveries recorded separately).</summary>
public sealed class LedgerTools(IConfiguration configuration)
{
    public const string Refund = "it.refund";

    [Tool(Refund, Description = "Refunds an amount of an order.")]
    public async Task<object> RefundAsync(
        [Description("The order id.")] string orderId,
        [Description("The amount in dollars.")] decimal amount,
        ToolInvocationContext context)
    {
        var path = configuration["ItTests:LedgerPath"] ?? throw new InvalidOperationException("Set ItTests:LedgerPath.");
        await using var connection = new SqliteConnection($"Data Source={path};Default Timeout=30");
        await connection.OpenAsync(context.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS deliveries (key TEXT NOT NULL, label TEXT NOT NULL, attempt INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS effects (key TEXT NOT NULL, label TEXT NOT NULL);
            BEGIN IMMEDIATE;
            INSERT INTO deliveries (key, label, attempt) VALUES ($key, $label, 1);
            INSERT INTO effects (key, label) SELECT $key, $label WHERE NOT EXISTS (SELECT 1 FROM effects WHERE key = $key);
            COMMIT;
            """;
        command.Parameters.AddWithValue("$key", context.IdempotencyKey);
        command.Parameters.AddWithValue("$label", $"refund {orderId} {amount} by {context.Agent} for {context.OnBehalfOf}");
        await command.ExecuteNonQueryAsync(context.CancellationToken);
        return new { refunded = amount, orderId, reference = context.IdempotencyKey };
    }
}

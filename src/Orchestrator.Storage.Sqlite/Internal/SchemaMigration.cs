namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>One step of the schema's history: a script applied once, in its own transaction, and recorded.</summary>
/// <param name="Version">The schema version after the step; steps are numbered 1, 2, 3 … without gaps.</param>
/// <param name="Description">What the step does, recorded in <c>schema_version</c>.</param>
/// <param name="Sql">The script; it may hold several statements.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);

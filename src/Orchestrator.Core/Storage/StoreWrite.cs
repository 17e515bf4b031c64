namespace Orchestrator.Core.Storage;

/// <summary>One item of a batched store write; see the derived types.</summary>
public abstract record StoreWrite;

namespace Orchestrator.Core.Storage;

/// <summary>What a store write did.</summary>
public enum WriteOutcome
{
    /// <summary>Applied.</summary>
    Done,

    /// <summary>Create: the instance already exists with the same workflow and input; nothing written.</summary>
    AlreadyExists,

    /// <summary>Create: the id is taken by different input; enqueue/purge: the instance's status forbids it. Nothing written.</summary>
    Conflict,

    /// <summary>The instance (or task) does not exist. Nothing written.</summary>
    NotFound,

    /// <summary>The caller may not do this (e.g. decide a task not assigned to them). Nothing written.</summary>
    Forbidden,
}

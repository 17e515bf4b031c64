namespace Orchestrator.Flows.Definitions;

/// <summary>Why a definition call was refused (the server maps each to a status code).</summary>
public enum FlowDefinitionError
{
    /// <summary>The body is not JSON, not a definition, or has duplicate node ids (400).</summary>
    Unreadable,

    /// <summary>The flow has validation problems and cannot be published (400, with the problems).</summary>
    Invalid,

    /// <summary>The flow uses activity types this runtime does not run (400, with the types).</summary>
    UnsupportedTypes,

    /// <summary>No such definition, draft or version (404).</summary>
    NotFound,

    /// <summary>The draft is the same as the latest published version (409).</summary>
    Unchanged,
}

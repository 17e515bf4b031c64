namespace Orchestrator.Analyzers;

/// <summary>The ways code can touch a type that a <see cref="BannedApi"/> rule can forbid.</summary>
[System.Flags]
internal enum ApiUses
{
    /// <summary>No use.</summary>
    None = 0,

    /// <summary><c>new T(...)</c>.</summary>
    Construction = 1,

    /// <summary>A static method, property or field of the type.</summary>
    StaticMember = 2,

    /// <summary>An instance method, property or field of the type, or an extension method on it.</summary>
    InstanceMember = 4,

    /// <summary>Every use.</summary>
    Any = Construction | StaticMember | InstanceMember,
}

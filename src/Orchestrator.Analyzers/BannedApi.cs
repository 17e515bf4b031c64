using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Orchestrator.Analyzers;

/// <summary>One forbidden way of using one type, and the rule that reports it.</summary>
internal sealed class BannedApi
{
    private readonly ApiUses _uses;

    // Null means every member of the type.
    private readonly ImmutableHashSet<string>? _members;
    private readonly ImmutableHashSet<string> _allowedMembers;

    private BannedApi(
        DiagnosticDescriptor descriptor,
        ApiUses uses,
        IEnumerable<string>? members,
        IEnumerable<string> allowedMembers,
        bool includesDerivedTypes)
    {
        Descriptor = descriptor;
        _uses = uses;
        _members = members?.ToImmutableHashSet();
        _allowedMembers = allowedMembers.ToImmutableHashSet();
        IncludesDerivedTypes = includesDerivedTypes;
    }

    /// <summary>The rule to report.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Whether types deriving from the banned type are banned too.</summary>
    public bool IncludesDerivedTypes { get; }

    /// <summary>Bans the named members, for the given kinds of use.</summary>
    public static BannedApi Members(DiagnosticDescriptor descriptor, ApiUses uses, params string[] members) =>
        new(descriptor, uses, members, ImmutableHashSet<string>.Empty, includesDerivedTypes: false);

    /// <summary>Bans every member, for the given kinds of use.</summary>
    public static BannedApi AllMembers(DiagnosticDescriptor descriptor, ApiUses uses, bool includesDerivedTypes = false) =>
        new(descriptor, uses, members: null, ImmutableHashSet<string>.Empty, includesDerivedTypes);

    /// <summary>Bans every member except the named ones, for the given kinds of use.</summary>
    public static BannedApi AllMembersExcept(DiagnosticDescriptor descriptor, ApiUses uses, params string[] allowedMembers) =>
        new(descriptor, uses, members: null, allowedMembers, includesDerivedTypes: false);

    /// <summary>Whether this rule forbids <paramref name="use"/> of the member named <paramref name="memberName"/>.</summary>
    public bool Forbids(ApiUses use, string memberName)
    {
        if ((_uses & use) == ApiUses.None)
        {
            return false;
        }

        // A constructor is banned by the use kind alone; member lists name methods, properties and fields.
        return use == ApiUses.Construction
            || ((_members is null || _members.Contains(memberName)) && !_allowedMembers.Contains(memberName));
    }
}

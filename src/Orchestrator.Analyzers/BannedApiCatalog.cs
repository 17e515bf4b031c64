using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using static Orchestrator.Analyzers.ApiUses;
using static Orchestrator.Analyzers.DeterminismDescriptors;

namespace Orchestrator.Analyzers;

/// <summary>
/// The non-deterministic APIs, resolved to the type symbols of one compilation so that matching compares symbols,
/// never spelling: an alias, a <c>using static</c> or a fully qualified name all resolve to the same symbol.
/// </summary>
internal sealed class BannedApiCatalog
{
    private readonly Dictionary<INamedTypeSymbol, List<BannedApi>> _rules = new(SymbolEqualityComparer.Default);

    // Every class in System.Net.Sockets talks to the network; its enums and structs are plain values.
    private readonly BannedApi _sockets = BannedApi.AllMembers(DirectIO, Any);

    private BannedApiCatalog(Compilation compilation)
    {
        void Add(string metadataName, BannedApi rule) => AddRule(compilation, metadataName, rule);

        Add("System.DateTime", BannedApi.Members(SystemClock, StaticMember, "Now", "UtcNow", "Today"));
        Add("System.DateTimeOffset", BannedApi.Members(SystemClock, StaticMember, "Now", "UtcNow"));
        Add("System.TimeProvider", BannedApi.Members(SystemClock, StaticMember, "System"));
        Add("System.TimeProvider", BannedApi.Members(SystemClock, InstanceMember, "GetUtcNow", "GetLocalNow", "GetTimestamp", "GetElapsedTime", "LocalTimeZone"));
        Add("System.TimeProvider", BannedApi.Members(RealTimer, InstanceMember, "CreateTimer"));
        Add("System.Diagnostics.Stopwatch", BannedApi.AllMembers(SystemClock, Any, includesDerivedTypes: true));

        Add("System.Guid", BannedApi.Members(NewGuid, StaticMember, "NewGuid", "CreateVersion7"));

        // A Random already in hand is not reported again: its construction or Random.Shared already was.
        Add("System.Random", BannedApi.AllMembers(Randomness, Construction | StaticMember));
        Add("System.Security.Cryptography.RandomNumberGenerator", BannedApi.AllMembers(Randomness, Any, includesDerivedTypes: true));

        Add("System.Threading.Tasks.Task", BannedApi.Members(RealTimer, StaticMember, "Delay"));
        Add("System.Threading.Thread", BannedApi.Members(RealTimer, StaticMember, "Sleep"));
        Add("System.Threading.Timer", BannedApi.AllMembers(RealTimer, Construction));
        Add("System.Threading.PeriodicTimer", BannedApi.AllMembers(RealTimer, Construction));
        Add("System.Timers.Timer", BannedApi.AllMembers(RealTimer, Construction));

        Add("System.Threading.Tasks.Task", BannedApi.Members(OffScheduler, StaticMember, "Run"));
        Add("System.Threading.Tasks.TaskFactory", BannedApi.Members(OffScheduler, InstanceMember, "StartNew"));
        Add("System.Threading.Tasks.TaskFactory`1", BannedApi.Members(OffScheduler, InstanceMember, "StartNew"));
        Add("System.Threading.Thread", BannedApi.AllMembers(OffScheduler, Construction));
        Add("System.Threading.ThreadPool", BannedApi.Members(OffScheduler, StaticMember, "QueueUserWorkItem", "UnsafeQueueUserWorkItem"));
        Add("System.Threading.Tasks.Parallel", BannedApi.AllMembers(OffScheduler, StaticMember));

        Add("System.Net.Http.HttpClient", BannedApi.AllMembers(DirectIO, Any, includesDerivedTypes: true));
        Add("System.Net.WebRequest", BannedApi.AllMembers(DirectIO, Any, includesDerivedTypes: true));
        Add("System.Net.WebClient", BannedApi.AllMembers(DirectIO, Any, includesDerivedTypes: true));
        Add("System.Net.Dns", BannedApi.AllMembers(DirectIO, StaticMember));
        Add("System.IO.File", BannedApi.AllMembers(DirectIO, StaticMember));
        Add("System.IO.Directory", BannedApi.AllMembers(DirectIO, StaticMember));
        Add("System.IO.FileInfo", BannedApi.AllMembers(DirectIO, Construction));
        Add("System.IO.DirectoryInfo", BannedApi.AllMembers(DirectIO, Construction));
        Add("System.IO.FileStream", BannedApi.AllMembers(DirectIO, Construction));
        Add("System.IO.StreamReader", BannedApi.AllMembers(DirectIO, Construction));
        Add("System.IO.StreamWriter", BannedApi.AllMembers(DirectIO, Construction));

        // Environment.NewLine is a formatting constant, not a read of the machine's state.
        Add("System.Environment", BannedApi.AllMembersExcept(EnvironmentRead, StaticMember, "NewLine"));
    }

    /// <summary>Resolves the catalog against <paramref name="compilation"/>; types it does not reference are skipped.</summary>
    public static BannedApiCatalog Create(Compilation compilation) => new(compilation);

    /// <summary>The rule that forbids <paramref name="use"/> of <paramref name="memberName"/> on <paramref name="type"/>, if any.</summary>
    public BannedApi? Find(INamedTypeSymbol type, ApiUses use, string memberName)
    {
        var exact = true;
        for (INamedTypeSymbol? current = type.OriginalDefinition; current is not null; current = current.BaseType?.OriginalDefinition)
        {
            if (_rules.TryGetValue(current, out var rules))
            {
                foreach (var rule in rules)
                {
                    if ((exact || rule.IncludesDerivedTypes) && rule.Forbids(use, memberName))
                    {
                        return rule;
                    }
                }
            }

            exact = false;
        }

        return type.TypeKind == TypeKind.Class && type.ContainingNamespace.IsNamespace("System.Net.Sockets") ? _sockets : null;
    }

    private void AddRule(Compilation compilation, string metadataName, BannedApi rule)
    {
        // A type can be defined in more than one referenced assembly (a polyfill next to the framework); ban each.
        foreach (var type in compilation.GetTypesByMetadataName(metadataName))
        {
            if (!_rules.TryGetValue(type, out var rules))
            {
                rules = [];
                _rules.Add(type, rules);
            }

            rules.Add(rule);
        }
    }
}

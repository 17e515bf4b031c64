using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Orchestrator.Core.Registry;

/// <summary>The workflows and activities this process can run, by name.</summary>
internal sealed class WorkflowRegistry
{
    private readonly Dictionary<string, WorkflowRegistration> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityRegistration> _activities = new(StringComparer.Ordinal);

    public IEnumerable<WorkflowRegistration> Workflows => _workflows.Values.OrderBy(w => w.Name, StringComparer.Ordinal);

    public IEnumerable<string> ActivityNames => _activities.Keys.Order(StringComparer.Ordinal);

    public static bool IsWorkflowType(Type type) => FindGenericBase(type, typeof(Workflow<,>)) is not null;

    public static bool IsActivityType(Type type) => FindGenericBase(type, typeof(Activity<,>)) is not null;

    public WorkflowRegistration? FindWorkflow(string name, string? version = null) =>
        _workflows.TryGetValue(name, out var w) && (version is null || version == w.Version) ? w : null;

    public ActivityRegistration? FindActivity(string name) => _activities.GetValueOrDefault(name);

    public void AddWorkflowType(Type type)
    {
        var generic = FindGenericBase(type, typeof(Workflow<,>))
            ?? throw new ArgumentException($"{type} does not derive from Workflow<TInput, TOutput>.", nameof(type));
        var attribute = type.GetCustomAttribute<WorkflowAttribute>();
        var name = attribute?.Name ?? type.Name;
        var runnerType = typeof(ClassWorkflowRunner<,,>).MakeGenericType([type, .. generic.GetGenericArguments()]);
        var factory = ActivatorUtilities.CreateFactory(type, []);
        var check = (Func<string?, Client.WorkflowInputException?>)typeof(WorkflowInput).GetMethod(nameof(WorkflowInput.CheckFor))!
            .MakeGenericMethod(generic.GetGenericArguments()[0]).Invoke(null, [name])!;
        Add(new WorkflowRegistration(
            name,
            attribute?.Version ?? "1",
            attribute?.Description,
            sp => (IWorkflowRunner)Activator.CreateInstance(runnerType, factory(sp, null), name)!,
            check));
    }

    public void AddWorkflowFunction<TInput, TOutput>(string name, string version, Func<WorkflowContext, TInput, Task<TOutput>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var runner = new DelegateWorkflowRunner<TInput, TOutput>(name, run);
        Add(new WorkflowRegistration(name, version, null, _ => runner, WorkflowInput.CheckFor<TInput>(name)));
    }

    public void AddActivityType(Type type)
    {
        var generic = FindGenericBase(type, typeof(Activity<,>))
            ?? throw new ArgumentException($"{type} does not derive from Activity<TInput, TOutput>.", nameof(type));
        var attribute = type.GetCustomAttribute<ActivityAttribute>();
        var invokerType = typeof(ClassActivityInvoker<,>).MakeGenericType(generic.GetGenericArguments());
        var invoker = (IActivityInvoker)Activator.CreateInstance(invokerType, ActivatorUtilities.CreateFactory(type, []))!;
        Add(new ActivityRegistration(attribute?.Name ?? type.Name, invoker.InvokeAsync, attribute?.AuditAction, attribute?.AuditSubject));
    }

    public void AddActivityFunction<TInput, TOutput>(string name, Func<ActivityContext, TInput, Task<TOutput>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Add(new ActivityRegistration(name, async (_, ctx, json) =>
            OrchestratorJson.Serialize(await run(ctx, OrchestratorJson.Deserialize<TInput>(json)!))));
    }

    private void Add(WorkflowRegistration registration) => _workflows[registration.Name] = registration;

    private void Add(ActivityRegistration registration) => _activities[registration.Name] = registration;

    private static Type? FindGenericBase(Type type, Type openGeneric)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openGeneric)
            {
                return t;
            }
        }

        return null;
    }
}

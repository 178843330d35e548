using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// The orchestrator and activity functions of an app, found by their attributes the way the Functions
/// host finds them (<c>[Function(name)]</c> with an <c>[OrchestrationTrigger]</c> or <c>[ActivityTrigger]</c>
/// parameter), and registered on a <see cref="DurableTaskRegistry"/> under their function names.
/// </summary>
public sealed class DurableFunctions
{
    private DurableFunctions(IReadOnlyList<FunctionMethod> orchestrators, IReadOnlyList<FunctionMethod> activities)
    {
        Orchestrators = orchestrators;
        Activities = activities;
    }

    public IReadOnlyList<FunctionMethod> Orchestrators { get; }

    public IReadOnlyList<FunctionMethod> Activities { get; }

    public static DurableFunctions Scan(params Assembly[] assemblies) => Scan((IEnumerable<Assembly>)assemblies);

    public static DurableFunctions Scan(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var list = assemblies.ToList();
        var orchestrators = FunctionMethod.Find<OrchestrationTriggerAttribute>(list);
        foreach (var o in orchestrators.Where(o => o.Trigger.ParameterType != typeof(TaskOrchestrationContext)))
            throw new InvalidOperationException($"Orchestrator '{o.Name}': its [OrchestrationTrigger] parameter must be a TaskOrchestrationContext, not {o.Trigger.ParameterType.Name}.");
        return new DurableFunctions(orchestrators, FunctionMethod.Find<ActivityTriggerAttribute>(list));
    }

    /// <summary>
    /// Adds every function to <paramref name="registry"/>. Orchestrators run with <paramref name="services"/>
    /// (the app's root provider); activities with the scope the worker opens for each work item.
    /// </summary>
    public void Register(DurableTaskRegistry registry, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(services);
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        foreach (var orchestrator in Orchestrators)
        {
            var adapter = new MethodOrchestrator(orchestrator, services);
            registry.AddOrchestrator(orchestrator.Name, () => adapter);
        }
        foreach (var activity in Activities)
            registry.AddActivity(activity.Name, scoped => new MethodActivity(activity, scoped, stopping));
    }
}

using AIWorkflows.App.Workflows;
using AIWorkflows.LocalHost.Durable;
using Microsoft.DurableTask;

namespace AIWorkflows.App.Tests.Workflows.Replay;

/// <summary>The app's orchestrator functions, found as the hosts find them (<c>[Function]</c> with an <c>[OrchestrationTrigger]</c>).</summary>
internal static class AppOrchestrators
{
    private static readonly DurableFunctions Functions = DurableFunctions.Scan(typeof(DeciderOrchestration).Assembly);

    public static IReadOnlyList<string> Names { get; } = [.. Functions.Orchestrators.Select(o => o.Name).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Today's code of the orchestrator named <paramref name="name"/>: every one runs the decider loop on a <see cref="WorkflowStart"/>,
    /// an instance of its class built as the host builds it, from services (here only the pack versions it takes).
    /// </summary>
    public static Func<TaskOrchestrationContext, Task<string>> Named(string name)
    {
        var method = Functions.Orchestrators.Single(o => o.Name == name).Method;
        var target = method.IsStatic ? null : Activator.CreateInstance(method.DeclaringType!, TestPackVersions.Sacramento);
        return method.CreateDelegate<Func<TaskOrchestrationContext, Task<string>>>(target);
    }
}

using System.Collections.Concurrent;
using AIWorkflows.App.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>A decider orchestration on the in-memory Durable host, its step activity recording what each step hands it.</summary>
internal static class DeciderTestHost
{
    public sealed class Steps
    {
        public ConcurrentQueue<WorkflowStep> All { get; } = new();

        public async Task<WorkflowStep> NextAsync(int count)
        {
            for (var i = 0; i < 300 && All.Count < count; i++) await Task.Delay(100);
            return All.ElementAt(count - 1);
        }
    }

    // One registration of the step activity for every test here (the Durable analyzer wants one per name in an assembly).
    public static async Task<(DurableTaskTestHost Host, Steps Steps)> StartAsync(string orchestration, Func<TaskOrchestrationContext, Task<string>> run)
    {
        var steps = new Steps();
        var host = await InMemoryDurable.StartAsync(r =>
        {
            // Typed input: the in-memory worker hands GetInput<T> the input it deserialized for the declared type.
            r.AddOrchestratorFunc<WorkflowStart, string>(orchestration, (context, _) => run(context));
            r.AddActivityFunc<WorkflowStep>(DeciderOrchestration.StepActivity, (_, step) => steps.All.Enqueue(step));
        });
        return (host, steps);
    }
}

using System.Collections.Concurrent;
using AIWorkflows.App.Workflows;
using Microsoft.DurableTask;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// The step activity on the in-memory Durable host: it keeps what each step hands it. Registered in this one
/// place (the Durable analyzers fail the build on two registrations of one activity name in a project).
/// </summary>
internal static class InMemorySteps
{
    public static void AddStepActivity(this DurableTaskRegistry registry, ConcurrentQueue<WorkflowStep> steps) =>
        registry.AddActivityFunc<WorkflowStep>(DeciderOrchestration.StepActivity, (_, step) => steps.Enqueue(step));
}

using AIWorkflows.App.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Functions;

/// <summary>Wakes sleeping workflow instances (a tool months from its next re-assessment) as their deadlines near.</summary>
public sealed class WakeFunctions(WorkflowWakes wakes)
{
    // Every five minutes, like the sweep: an instance is woken well before its deadline (the workflow's wake
    // lead, hours), and its durable timer then fires on time; an idle register costs one query per workflow.
    [Function("WakeSleepingWorkflows")]
    public Task Wake([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        wakes.WakeDueAsync(client, cancellationToken);
}

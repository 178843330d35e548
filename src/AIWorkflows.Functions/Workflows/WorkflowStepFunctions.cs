using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Workflows;

/// <summary>The activity every decider orchestration calls once per step.</summary>
public sealed class WorkflowStepFunctions(IEnumerable<IWorkflowStepRecorder> recorders)
{
    [Function(DeciderOrchestration.StepActivity)]
    public async Task RecordWorkflowStep(
        [ActivityTrigger] WorkflowStep step, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var recorder = recorders.FirstOrDefault(r => r.Workflow == step.Workflow)
            ?? throw new InvalidOperationException($"No workflow '{step.Workflow}' records steps here.");
        using (CurrentDurableClient.Use(client)) await recorder.RecordAsync(step, cancellationToken);
    }
}

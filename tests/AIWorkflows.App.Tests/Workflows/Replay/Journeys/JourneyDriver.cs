using System.Text.Json;
using AIWorkflows.App.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

/// <summary>What a journey does to its instance, as the gateway would: start it, send it commands and clock moves, read its steps.</summary>
internal sealed class JourneyDriver(DurableTaskClient client, DeciderTestHost.Steps steps, string orchestrator, string instanceId, string? version)
{
    public WorkflowStep LastStep => steps.All.Last();

    public Task StartAsync(WorkflowStart start) =>
        client.ScheduleNewOrchestrationInstanceAsync(orchestrator, start, new StartOrchestrationOptions(instanceId) { Version = version });

    /// <summary>The instance's <paramref name="count"/>th step, once its activity ran.</summary>
    public Task<WorkflowStep> StepAsync(int count) => steps.NextAsync(count);

    public Task SendAsync<TCommand>(string eventName, string commandId, TCommand command, TimeSpan skew) =>
        client.RaiseEventAsync(instanceId, eventName, new WorkflowCommand(commandId, JsonSerializer.Serialize(command, WorkflowJson.Options), skew));

    public Task MoveClockAsync(string commandId, TimeSpan skew) =>
        client.RaiseEventAsync(instanceId, DeciderOrchestration.ClockMovedEvent, new ClockMoved(commandId, skew));

    public async Task CompletedAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await client.WaitForInstanceCompletionAsync(instanceId, cts.Token);
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
            throw new InvalidOperationException($"{instanceId} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
    }
}

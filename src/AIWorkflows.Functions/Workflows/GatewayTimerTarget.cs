using System.Text.Json;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// Lets a workflow still on the first engine tell an orchestrated one what happened: its command
/// effect is posted to the instance as an external event (the receiving decider ignores a repeat).
/// </summary>
public sealed class GatewayTimerTarget<TCommand, TState, TEvent>(WorkflowGateway<TCommand, TState, TEvent> gateway, string workflow, IServiceProvider services)
    : ITimerTarget
{
    public string Workflow => workflow;

    public Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken)
    {
        var command = JsonSerializer.Deserialize<TCommand>(commandJson, WorkflowJson.Options)!;
        return gateway.PostAsync(CurrentDurableClient.Get(services), instanceId, Guid.NewGuid().ToString("N"), command, cancellationToken);
    }
}

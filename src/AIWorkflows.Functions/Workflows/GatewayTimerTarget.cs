using System.Text.Json;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// Lets a workflow still on the first engine tell an orchestrated one what happened: its command
/// effect goes to the instance as an external event, or starts it (the receiving decider ignores a repeat).
/// </summary>
public sealed class GatewayTimerTarget<TCommand, TState, TEvent>(WorkflowGateway<TCommand, TState, TEvent> gateway, string workflow, IServiceProvider services)
    : ITimerTarget
{
    public string Workflow => workflow;

    // Waits for the receiver's answer, as the first engine's hand-over did: a sweep that returns has carried out what fell due.
    public Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        gateway.SendAsync(CurrentDurableClient.Get(services), instanceId, Read(commandJson), cancellationToken);

    /// <summary>A command for an instance the sender believes is new: it starts the instance (once, whoever asks again).</summary>
    public Task DeliverNewAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        gateway.StartAsync(CurrentDurableClient.Get(services), instanceId, Read(commandJson), mayExist: true, cancellationToken);

    public Task DeliverNewInEffectAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        DeliverNewAsync(instanceId, commandJson, cancellationToken);

    private static TCommand Read(string commandJson) => JsonSerializer.Deserialize<TCommand>(commandJson, WorkflowJson.Options)!;
}

using System.Text.Json;

namespace AIWorkflows.App.Workflows;

/// <summary>A workflow another one can tell what happened (an approval registers its tool).</summary>
public interface IWorkflowCommandTarget
{
    string Workflow { get; }

    /// <summary>Sends the command to a running or sleeping instance and waits for its answer.</summary>
    Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken);

    /// <summary>A command for an instance the sender believes is new: it starts the instance (once, whoever asks again).</summary>
    Task DeliverNewAsync(string instanceId, string commandJson, CancellationToken cancellationToken);
}

/// <summary>One workflow's gateway as a command target; the receiving decider ignores a repeat.</summary>
public sealed class WorkflowCommandTarget<TCommand, TState, TEvent>(WorkflowGateway<TCommand, TState, TEvent> gateway, string workflow, IServiceProvider services)
    : IWorkflowCommandTarget
{
    public string Workflow => workflow;

    public Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        gateway.SendAsync(CurrentDurableClient.Get(services), instanceId, Read(commandJson), cancellationToken);

    public Task DeliverNewAsync(string instanceId, string commandJson, CancellationToken cancellationToken) =>
        gateway.StartAsync(CurrentDurableClient.Get(services), instanceId, Read(commandJson), mayExist: true, cancellationToken);

    private static TCommand Read(string commandJson) => JsonSerializer.Deserialize<TCommand>(commandJson, WorkflowJson.Options)!;
}

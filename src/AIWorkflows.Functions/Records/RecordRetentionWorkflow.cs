using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Deciding;

namespace AIWorkflows.App.Records;

/// <summary>
/// The records side's handle on the retention orchestrations: a record's state from its read model, and
/// commands sent to its instance (woken if it sleeps) through the Durable client of the function running now.
/// </summary>
public sealed class RecordRetentionWorkflow(IServiceProvider services, RecordRetentionDecider decider)
{
    // Resolved on use: the gateway's step recorder runs effect handlers that archive through this.
    private WorkflowGateway<RecordCommand, RecordRetention, RecordEvent> Gateway =>
        services.GetRequiredService<WorkflowGateway<RecordCommand, RecordRetention, RecordEvent>>();

    public Task<Snapshot<RecordRetention, RecordEvent>?> LoadAsync(string recordId, bool includeEvents, CancellationToken cancellationToken) =>
        Gateway.LoadAsync(recordId, includeEvents, cancellationToken);

    public Task<Decision<RecordRetention, RecordEvent>> HandleAsync(string recordId, RecordCommand command, CancellationToken cancellationToken) =>
        Gateway.SendAsync(CurrentDurableClient.Get(services), recordId, command, cancellationToken);

    /// <summary>
    /// Registers a new record asleep (its end is years off), so no orchestration starts; answers its state,
    /// or null when the record existed.
    /// </summary>
    public async Task<RecordRetention?> RegisterAsync(string recordId, RecordCommand.Register command, CancellationToken cancellationToken) =>
        await Gateway.StartAsleepAsync(recordId, command, cancellationToken) ? decider.Fold(decider.Initial, decider.Decide(command, decider.Initial)) : null;
}

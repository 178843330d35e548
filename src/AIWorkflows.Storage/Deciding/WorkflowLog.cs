using System.Globalization;
using System.Text.Json;
using AIWorkflows.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Deciding;

/// <summary>
/// A workflow instance's read model, written by the activity of each orchestration step: the state
/// row and the event rows (the audit trail) of its partition in the Workflows table, and which
/// commands the instance has answered, so a caller waiting on its command can tell when it is done.
/// </summary>
public sealed class WorkflowLog<TState, TEvent>
{
    private const string AnsweredColumn = "Answered";
    
    private readonly TableClient _table;
    private readonly WorkflowRows<TState, TEvent> _rows;

    public WorkflowLog(StorageClients clients, string workflow, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(clients);
        Workflow = workflow;
        _table = clients.Table(StorageTables.Workflows);
        _rows = new WorkflowRows<TState, TEvent>(workflow, json);
    }

    public string Workflow { get; }

    /// <summary>
    /// Writes one step in one transaction: its events, the state after them, and the commands the
    /// instance has lately answered (<see cref="WorkflowAnswers"/>). Writing the same step again writes
    /// the same rows, so a retried activity is harmless.
    /// </summary>
    public async Task AppendAsync(
        string instanceId, TState state, long version, IReadOnlyList<StoredEvent<TEvent>> events, string answers, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var stateRow = _rows.StateEntity(instanceId, state, version, at);
        stateRow[AnsweredColumn] = answers;
        var actions = events.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, _rows.EventEntity(instanceId, e)))
            .Append(new TableTransactionAction(TableTransactionActionType.UpsertReplace, stateRow))
            .ToList();
        TableTransactionGuard.Validate(StorageTables.Workflows, actions);
        using (StorageTransactionCounterScope()) await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Records which commands the instance has answered, once a step's effects are done.</summary>
    public async Task SetAnswersAsync(string instanceId, string answers, CancellationToken cancellationToken)
    {
        var row = new TableEntity(instanceId, WorkflowRows<TState, TEvent>.StateRowKey) { [AnsweredColumn] = answers };
        await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>The instance's state and version, with its history when asked; null when it does not exist yet.</summary>
    public async Task<Snapshot<TState, TEvent>?> LoadAsync(string instanceId, bool includeEvents, CancellationToken cancellationToken)
    {
        TableKeys.Require(instanceId, "instance id");
        if (!includeEvents)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, WorkflowRows<TState, TEvent>.StateRowKey, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value is null) return null;
            var read = _rows.ReadState(row.Value);
            return new Snapshot<TState, TEvent>(instanceId, read.State, read.Version, []);
        }
        // One range query: 'evt-…' sorts before 'state', so every event up to the state's version is read with it.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {instanceId} and RowKey ge {WorkflowRows<TState, TEvent>.EventPrefix} and RowKey le {WorkflowRows<TState, TEvent>.StateRowKey}");
        var events = new List<StoredEvent<TEvent>>();
        LoadedState<TState>? state = null;
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == WorkflowRows<TState, TEvent>.StateRowKey) state = _rows.ReadState(entity);
            else if (entity.RowKey.StartsWith(WorkflowRows<TState, TEvent>.EventPrefix, StringComparison.Ordinal)) events.Add(_rows.ReadEvent(entity));
        }
        if (state is null) return null;
        return new Snapshot<TState, TEvent>(instanceId, state.State, state.Version, [.. events.Where(e => e.Seq <= state.Version).OrderBy(e => e.Seq)]);
    }

    /// <summary>The commands the instance answered lately, each with the version it reached; empty when it does not exist yet.</summary>
    public async Task<IReadOnlyDictionary<string, WorkflowAnswer>> AnsweredAsync(string instanceId, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, WorkflowRows<TState, TEvent>.StateRowKey,
            select: [AnsweredColumn], cancellationToken: cancellationToken);
        return row.HasValue && row.Value is not null ? WorkflowAnswers.Parse(row.Value.GetString(AnsweredColumn)) : new Dictionary<string, WorkflowAnswer>();
    }

    private static IDisposable StorageTransactionCounterScope() => Counting.StorageTransactionCounter.AttributeBatchesTo(StorageTables.Workflows);
}

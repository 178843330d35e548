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
    private const int MaxRemembered = 10_000;

    private readonly TableClient _table;
    private readonly WorkflowRows<TState, TEvent> _rows;
    // The version and ETag of the state row this process last wrote, per instance.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Written> _written = new(StringComparer.Ordinal);

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
    /// instance has lately answered (<see cref="WorkflowAnswers"/>). The state row is replaced only under
    /// the ETag it was last read or written with, and never by an older version: writing the same step
    /// again (a retried activity) writes the same rows, and an older step delivered again writes nothing.
    /// </summary>
    public async Task<StepWrite> AppendAsync(
        string instanceId, TState state, long version, IReadOnlyList<StoredEvent<TEvent>> events, string answers, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var stateRow = _rows.StateEntity(instanceId, state, version, at);
        stateRow[AnsweredColumn] = answers;
        // A first step expects no row; a later one the row this process last wrote, if it did (no read then).
        Written? known = version == events.Count ? new Written(0, null) : _written.TryGetValue(instanceId, out var w) ? w : null;
        for (var attempt = 0; ; attempt++)
        {
            if (known is null)
            {
                var row = await _table.GetEntityIfExistsAsync<TableEntity>(instanceId, WorkflowRows<TState, TEvent>.StateRowKey,
                    select: ["Version"], cancellationToken: cancellationToken);
                known = row.HasValue && row.Value is not null ? new Written(row.Value.GetInt64("Version") ?? 0, row.Value.ETag) : new Written(0, null);
            }
            if (known.Version > version) return StepWrite.Stale;
            var actions = events.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, _rows.EventEntity(instanceId, e)))
                .Append(known.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateRow, etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, stateRow))
                .ToList();
            TableTransactionGuard.Validate(StorageTables.Workflows, actions);
            try
            {
                Response<IReadOnlyList<Response>> done;
                using (StorageTransactionCounterScope()) done = await _table.SubmitTransactionAsync(actions, cancellationToken);
                Remember(instanceId, new Written(version, done.Value[^1].Headers.ETag));
                return StepWrite.Written;
            }
            // Another writer got there first (this process's knowledge was old): read where the row stands, decide again.
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 3)
            {
                _written.TryRemove(instanceId, out _);
                known = null;
            }
        }
    }

    /// <summary>Records which commands the instance has answered, once a step's effects are done.</summary>
    public async Task SetAnswersAsync(string instanceId, long version, string answers, CancellationToken cancellationToken)
    {
        var row = new TableEntity(instanceId, WorkflowRows<TState, TEvent>.StateRowKey) { [AnsweredColumn] = answers };
        var done = await _table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
        // The merge changed the row's ETag; the next step replaces it under the new one.
        Remember(instanceId, new Written(version, done.Headers.ETag));
    }

    private void Remember(string instanceId, Written written)
    {
        // A bound, not a cache policy: forgetting only costs the next step of an instance one read.
        if (_written.Count > MaxRemembered) _written.Clear();
        if (written.ETag is null) _written.TryRemove(instanceId, out _);
        else _written[instanceId] = written;
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

    private sealed record Written(long Version, ETag? ETag);

    private static IDisposable StorageTransactionCounterScope() => Counting.StorageTransactionCounter.AttributeBatchesTo(StorageTables.Workflows);
}

using AIWorkflows.Storage.Tables;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Timers;

/// <summary>Writes timer rows. Upserts: writing the same timer twice (a retried effect) leaves one row.</summary>
public sealed class TimerStore
{
    private readonly TableClient _table;

    public TimerStore(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _table = clients.Table(StorageTables.Timers);
    }

    /// <summary>One transaction.</summary>
    public async Task ScheduleAsync(ScheduledTimer timer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var action = new TableTransactionAction(TableTransactionActionType.UpsertReplace, TimerRows.ToEntity(timer, now));
        await TableBatches.SubmitAsync(_table, [action], cancellationToken);
    }

    /// <summary>Many timers, one transaction per due hour per 100 timers (imports, benchmarks, tests).</summary>
    public Task ScheduleManyAsync(IEnumerable<ScheduledTimer> timers, DateTimeOffset now, CancellationToken cancellationToken) =>
        TableBatches.UpsertManyAsync(_table, timers.Select(t => TimerRows.ToEntity(t, now)), cancellationToken);
}

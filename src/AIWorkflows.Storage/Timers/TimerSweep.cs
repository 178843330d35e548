using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Tables;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Timers;

/// <summary>
/// Delivers due timers, then retries pending outbox work. It reads only the hour partitions from its
/// cursor (the first hour not yet fully processed) to now's hour, so its cost follows what is due,
/// not how many timers exist: with nothing due, one query (plus one cursor write when an hour closes).
/// Delivery is at least once (a crash between delivery and delete re-delivers); deciders ignore a
/// timer their state has moved past. Run one sweep at a time across processes (the Functions timer
/// trigger is a singleton); within a process runs are serialized.
/// </summary>
public sealed class TimerSweep : IDisposable
{
    private readonly TableClient _table;
    private readonly Dictionary<string, ITimerTarget> _targets;
    private readonly EffectDispatcher _dispatcher;
    private readonly TimerSweepOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _cursor;
    private bool _cursorStored;

    public TimerSweep(StorageClients clients, IEnumerable<ITimerTarget> targets, EffectDispatcher dispatcher, TimerSweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(targets);
        _table = clients.Table(StorageTables.Timers);
        _targets = targets.ToDictionary(t => t.Workflow, StringComparer.Ordinal);
        _dispatcher = dispatcher ?? throw new ArgumentNullException(nameof(dispatcher));
        _options = options ?? new TimerSweepOptions();
    }

    public async Task<TimerSweepResult> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var cursor = _cursor ??= await LoadCursorAsync(now, cancellationToken);
            var nowHour = TimerKeys.Hour(now);
            // A clock set back (dev clock, tests) must still see the current hour, where past-due timers land.
            var from = string.CompareOrdinal(cursor, nowHour) <= 0 ? cursor : nowHour;
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {from} and PartitionKey le {nowHour} and RowKey lt {TimerKeys.DueBound(now)}");

            var delivery = new Delivery();
            await foreach (var page in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).AsPages())
            {
                var delivered = new System.Collections.Concurrent.ConcurrentBag<(string, string)>();
                // An instance's timers go together, in due order: its later ones reuse the first one's read.
                var byInstance = page.Values.GroupBy(r => (Workflow: r.GetString("Workflow") ?? "", InstanceId: r.GetString("InstanceId") ?? ""));
                await Parallel.ForEachAsync(byInstance, new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelDeliveries, CancellationToken = cancellationToken },
                    async (rows, ct) =>
                    {
                        var timers = rows.ToList();
                        var outcomes = await DeliverAllAsync(timers.Select(TimerRows.FromEntity).ToList(), ct);
                        for (var i = 0; i < timers.Count; i++)
                        {
                            if (outcomes[i]) delivered.Add((timers[i].PartitionKey, timers[i].RowKey));
                            else delivery.Failed(timers[i].PartitionKey);
                        }
                    });
                await TableBatches.DeleteManyAsync(_table, delivered, cancellationToken);
                delivery.Delivered(delivered.Count);
            }

            await AdvanceCursorAsync(cursor, delivery.EarliestFailedHour, now, cancellationToken);
            var recovered = await _dispatcher.SweepAsync(cancellationToken);
            return new TimerSweepResult(delivery.DeliveredCount, delivery.FailedCount, recovered);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Timers of one instance, in order; true for each one delivered.</summary>
    private async Task<bool[]> DeliverAllAsync(List<ScheduledTimer> timers, CancellationToken cancellationToken)
    {
        var first = timers[0];
        IReadOnlyList<Exception?> outcomes;
        try
        {
            if (!_targets.TryGetValue(first.Workflow, out var target))
                throw new InvalidOperationException($"No timer target is registered for workflow '{first.Workflow}'.");
            outcomes = timers.Count == 1
                ? [await DeliverOneAsync(target, first, cancellationToken)]
                : await target.DeliverAllAsync(first.InstanceId, [.. timers.Select(t => t.CommandJson)], cancellationToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            outcomes = [.. timers.Select(_ => error)];
        }
        // One bad timer must not stop the others; it stays in place and is retried next sweep.
        for (var i = 0; i < timers.Count; i++)
            if (outcomes[i] is { } error) _options.OnFailure?.Invoke(timers[i], error);
        return [.. outcomes.Select(e => e is null)];
    }

    private static async Task<Exception?> DeliverOneAsync(ITimerTarget target, ScheduledTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            await target.DeliverAsync(timer.InstanceId, timer.CommandJson, cancellationToken);
            return null;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return error;
        }
    }

    /// <summary>
    /// The cursor moves to the hour holding now − grace (every earlier hour has closed and been read),
    /// but never past an hour with a failed delivery, and never back. Persisted only when it moves.
    /// </summary>
    private async Task AdvanceCursorAsync(string cursor, string? earliestFailedHour, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var next = TimerKeys.Hour(now - _options.Grace);
        if (earliestFailedHour is not null && string.CompareOrdinal(earliestFailedHour, next) < 0) next = earliestFailedHour;
        if (string.CompareOrdinal(next, cursor) < 0) next = cursor;
        if (next == cursor && _cursorStored) return;
        await _table.UpsertEntityAsync(
            new TableEntity(TimerKeys.CursorPartition, TimerKeys.CursorRow) { ["Hour"] = next }, TableUpdateMode.Replace, cancellationToken);
        (_cursor, _cursorStored) = (next, true);
    }

    /// <summary>
    /// First sweep of this process: the stored cursor, or, when there is none yet, the earliest timer's
    /// hour (one query that stops at the first row), so timers written before any sweep are not skipped.
    /// </summary>
    private async Task<string> LoadCursorAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await _table.GetEntityIfExistsAsync<TableEntity>(TimerKeys.CursorPartition, TimerKeys.CursorRow, cancellationToken: cancellationToken);
        if (stored.HasValue && stored.Value?.GetString("Hour") is { } hour)
        {
            _cursorStored = true;
            return hour;
        }

        var cursor = TimerKeys.Hour(now - _options.Grace);
        var digitsOnly = TableClient.CreateQueryFilter($"PartitionKey lt {TimerKeys.CursorPartition}");
        await foreach (var first in _table.QueryAsync<TableEntity>(digitsOnly, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            if (string.CompareOrdinal(first.PartitionKey, cursor) < 0) cursor = first.PartitionKey;
            break;
        }
        return cursor;
    }

    private sealed class Delivery
    {
        private readonly Lock _lock = new();
        private int _delivered;
        private int _failed;
        private string? _earliestFailedHour;

        public int DeliveredCount => _delivered;

        public int FailedCount => _failed;

        public string? EarliestFailedHour => _earliestFailedHour;

        public void Delivered(int count) => Interlocked.Add(ref _delivered, count);

        public void Failed(string hour)
        {
            Interlocked.Increment(ref _failed);
            lock (_lock)
                if (_earliestFailedHour is null || string.CompareOrdinal(hour, _earliestFailedHour) < 0) _earliestFailedHour = hour;
        }
    }
}

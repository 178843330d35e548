using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Tests.Ledger;
using AIWorkflows.Storage.Timers;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.Storage.Tests.Fixtures;

/// <summary>
/// One "process" wired the way the app wires it (clients, dispatcher, ledger store, timer sweep), on
/// its own tables. <see cref="NewProcess"/> gives a second process on the same tables: own dispatcher
/// (own claim owner id and memory), own store cache.
/// </summary>
public sealed class LedgerWorld : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

    private LedgerWorld(StorageClients clients, FakeTimeProvider time, DeciderStoreOptions? storeOptions)
    {
        Clients = clients;
        Time = time;
        Mail = new RecordingMailHandler();
        Timers = new TimerStore(clients);
        TimerHandler = new RecordingTimerHandler(new TimerEffectHandler(Timers, time));
        Dispatcher = new EffectDispatcher(clients, [Mail, TimerHandler], time);
        Store = new DeciderStore<LedgerCommand, LedgerState, LedgerEvent>(
            LedgerEffects.Workflow, new LedgerDecider(), LedgerEffects.Of, clients, Dispatcher, LedgerEffects.Json, time, storeOptions);
        Target = new RecordingTarget(Store);
        Sweep = new TimerSweep(clients, [Target], Dispatcher);
    }

    public StorageClients Clients { get; }

    public StorageTransactionCounter Counter => Clients.Counter;

    public FakeTimeProvider Time { get; }

    public RecordingMailHandler Mail { get; }

    public TimerStore Timers { get; }

    public RecordingTimerHandler TimerHandler { get; }

    public EffectDispatcher Dispatcher { get; }

    public DeciderStore<LedgerCommand, LedgerState, LedgerEvent> Store { get; }

    public RecordingTarget Target { get; }

    public TimerSweep Sweep { get; }

    public TableClient WorkflowsTable => Clients.Table(StorageTables.Workflows);

    public TableClient TimersTable => Clients.Table(StorageTables.Timers);

    public static async Task<LedgerWorld> CreateAsync(AzuriteFixture azurite, DeciderStoreOptions? storeOptions = null)
    {
        var clients = new StorageClients(azurite.NewStorageOptions(), new StorageTransactionCounter());
        await clients.EnsureCreatedAsync(CancellationToken.None);
        return new LedgerWorld(clients, new FakeTimeProvider(Start), storeOptions);
    }

    /// <summary>Another process on the same tables and the same clock.</summary>
    public LedgerWorld NewProcess(DeciderStoreOptions? storeOptions = null) =>
        new(new StorageClients(Clients.Options, new StorageTransactionCounter()), Time, storeOptions);

    public async Task<List<TableEntity>> OutboxRowsAsync() =>
        await WorkflowsTable.QueryAsync<TableEntity>(e => e.RowKey.CompareTo("out-") >= 0 && e.RowKey.CompareTo("out.") < 0).ToListAsync();

    public async Task<List<TableEntity>> TimerRowsAsync() =>
        await TimersTable.QueryAsync<TableEntity>(e => e.PartitionKey != TimerKeys.CursorPartition).ToListAsync();

    public void Dispose() => Sweep.Dispose();
}

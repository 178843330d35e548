using System.Collections.Concurrent;
using System.Globalization;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Ledger;
using AIWorkflows.Storage.Timers;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.Storage.Tests.Deciding;

/// <summary>
/// HandleNewInEffectAsync: an instance added from inside another instance's effect runs its repeatable
/// effects before its commit, and the commit carries no outbox rows (the caller's row covers them).
/// </summary>
[Collection(UsesAzurite.Name)]
public sealed class DeciderStoreEffectsFirstTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = LedgerWorld.Start;
    private static readonly DateTimeOffset InADay = Now.AddDays(1);

    [Fact]
    public async Task GivenANewInstance_WhenHandledInEffect_ThenItsEffectsRunFirst_AndNoOutboxRowIsWrittenOrDeleted()
    {
        var world = await World.CreateAsync(azurite);
        var before = world.Counter.Snapshot();

        var decision = await world.Store.HandleNewInEffectAsync("acct-1", new Deposit(40, Now, RemindAt: InADay), default);

        var cost = world.Counter.Since(before);
        Assert.Equal((1L, 40L), (decision.Version, decision.State.Balance));
        Assert.Equal(1, cost.ForResource(world.Workflows.Name)); // the commit; no read, no outbox delete
        Assert.Equal(1, cost.ForResource(world.TimersTable.Name));
        Assert.Empty(await world.OutboxRowsAsync());
        Assert.Single(await world.TimerRowsAsync());
        // The projection ran before the commit and saw the state being committed, not "no instance".
        Assert.Equal(["acct-1/1-projection@1:40"], world.Projection.Runs);
    }

    [Fact]
    public async Task GivenTheSameCommand_WhenHandledAsNewThroughTheOutbox_ThenItCostsOneTransactionMore()
    {
        var world = await World.CreateAsync(azurite);
        var first = world.Counter.Snapshot();
        await world.Store.HandleNewAsync("acct-1", new Deposit(40, Now, RemindAt: InADay), default);
        var outbox = world.Counter.Since(first);
        var second = world.Counter.Snapshot();

        await world.Store.HandleNewInEffectAsync("acct-2", new Deposit(40, Now, RemindAt: InADay), default);

        var effectsFirst = world.Counter.Since(second);
        Assert.Equal(outbox.Total - 1, effectsFirst.Total);
        Assert.Equal(2, outbox.ForResource(world.Workflows.Name)); // commit, then the delete of its outbox rows
        Assert.Equal(1, effectsFirst.ForResource(world.Workflows.Name));
        Assert.Empty(await world.OutboxRowsAsync());
    }

    [Fact]
    public async Task GivenAnEffectThatFails_WhenHandledInEffect_ThenNothingIsCommitted_AndTheCallerFails()
    {
        var world = await World.CreateAsync(azurite);
        world.Projection.FailNext(1);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            world.Store.HandleNewInEffectAsync("acct-1", new Deposit(40, Now, RemindAt: InADay), default));

        // The caller's own outbox row stays pending, so its sweep runs it (and this) again.
        Assert.Null(await world.Store.LoadAsync("acct-1", includeEvents: false, default));
        Assert.Empty(await world.OutboxRowsAsync());
        Assert.Equal(0, world.Dispatcher.PendingInstances);
    }

    [Fact]
    public async Task GivenEffectsDoneButNoCommit_WhenTheCallerRunsAgain_ThenOneInstance_AndTheEffectsRepeatHarmlessly()
    {
        var world = await World.CreateAsync(azurite);
        // As if the process died between the effects and the commit: every effect is done, the commit never made.
        world.Projection.FailAfterRunning(1);
        await Assert.ThrowsAnyAsync<Exception>(() =>
            world.Store.HandleNewInEffectAsync("acct-1", new Deposit(40, Now, RemindAt: InADay), default));
        Assert.Null(await world.Store.LoadAsync("acct-1", includeEvents: false, default));
        Assert.Single(await world.TimerRowsAsync());

        using var retry = world.NewProcess(); // the sweep of another process runs the caller's row again
        var decision = await retry.Store.HandleNewInEffectAsync("acct-1", new Deposit(40, Now, RemindAt: InADay), default);

        var stored = await world.Store.LoadAsync("acct-1", includeEvents: true, default);
        Assert.Equal((1L, 40L), (stored!.Version, stored.State.Balance));
        Assert.Equal(decision.Version, stored.Version);
        Assert.Single(await world.TimerRowsAsync()); // the same row, upserted twice
        Assert.Equal(["acct-1/1-projection@1:40"], world.Projection.Runs.Concat(retry.Projection.Runs).Distinct());
        Assert.Empty(await world.OutboxRowsAsync());
    }

    [Fact]
    public async Task GivenAnEffectThatMayNotRunFirst_WhenHandledInEffect_ThenTheCommitGoesThroughTheOutbox()
    {
        var world = await World.CreateAsync(azurite);
        var before = world.Counter.Snapshot();

        // A mail cannot be repeated or taken back: committed first, sent after, its row deleted.
        await world.Store.HandleNewInEffectAsync("acct-1", new Annotate("hello", Now), default);
        // A timer due before the commit surely lands could be swept before the instance exists.
        await world.Store.HandleNewInEffectAsync("acct-2", new Deposit(1, Now, RemindAt: Now.AddSeconds(30)), default);

        var cost = world.Counter.Since(before);
        Assert.Equal(["acct-1/1-mail-owner"], world.Mail.Sent);
        Assert.Equal(4, cost.ForResource(world.Workflows.Name)); // two commits, two outbox deletes
        Assert.Empty(await world.OutboxRowsAsync());
        Assert.Equal(["acct-2/1-projection@1:1"], world.Projection.Runs); // run after its commit
    }

    [Fact]
    public async Task GivenAnInstanceThatExists_WhenHandledInEffect_ThenTheFailedAddIsDecidedAgainOnAReadAndCommittedThroughTheOutbox()
    {
        var world = await World.CreateAsync(azurite);
        await world.Store.HandleAsync("acct-1", new Deposit(5, Now), default);
        using var other = world.NewProcess(); // knows nothing of acct-1

        var decision = await other.Store.HandleNewInEffectAsync("acct-1", new Deposit(6, Now), default);

        Assert.Equal((2L, 11L), (decision.Version, decision.State.Balance));
        // Run first for the instance it believed new (version 1), then for the update it really made.
        Assert.Equal(["acct-1/1-projection@1:6", "acct-1/2-projection@2:11"], other.Projection.Runs);
        Assert.Empty(await world.OutboxRowsAsync());
    }

    /// <summary>A ledger whose deposits also update a projection (repeatable) and whose notes mail the owner (not).</summary>
    private sealed class World : IDisposable
    {
        private World(StorageClients clients, FakeTimeProvider time)
        {
            Clients = clients;
            Time = time;
            Timers = new TimerStore(clients);
            Projection = new RecordingProjection(() => Store!);
            Dispatcher = new EffectDispatcher(clients, [Mail, new TimerEffectHandler(Timers, time), Projection], time);
            Store = new DeciderStore<LedgerCommand, LedgerState, LedgerEvent>(LedgerEffects.Workflow, new LedgerDecider(), Effects, clients, Dispatcher, LedgerEffects.Json, time);
        }

        public StorageClients Clients { get; }

        public FakeTimeProvider Time { get; }

        public StorageTransactionCounter Counter => Clients.Counter;

        public TimerStore Timers { get; }

        public RecordingMailHandler Mail { get; } = new();

        public RecordingProjection Projection { get; }

        public EffectDispatcher Dispatcher { get; }

        public DeciderStore<LedgerCommand, LedgerState, LedgerEvent> Store { get; }

        public TableClient Workflows => Clients.Table(StorageTables.Workflows);

        public TableClient TimersTable => Clients.Table(StorageTables.Timers);

        public static async Task<World> CreateAsync(AzuriteFixture azurite)
        {
            var clients = new StorageClients(azurite.NewStorageOptions(), new StorageTransactionCounter());
            await clients.EnsureCreatedAsync(CancellationToken.None);
            return new World(clients, new FakeTimeProvider(Now));
        }

        public World NewProcess() => new(new StorageClients(Clients.Options, new StorageTransactionCounter()), Time);

        public async Task<List<TableEntity>> OutboxRowsAsync() =>
            await Workflows.QueryAsync<TableEntity>(e => e.RowKey.CompareTo("out-") >= 0 && e.RowKey.CompareTo("out.") < 0).ToListAsync();

        public async Task<List<TableEntity>> TimerRowsAsync() =>
            await TimersTable.QueryAsync<TableEntity>(e => e.PartitionKey != TimerKeys.CursorPartition).ToListAsync();

        public void Dispose() { }

        private static IEnumerable<PendingEffect> Effects(string instanceId, LedgerState before, LedgerState after, IReadOnlyList<StoredEvent<LedgerEvent>> events)
        {
            foreach (var (seq, _, e) in events)
            {
                var s = seq.ToString(CultureInfo.InvariantCulture);
                if (e is Deposited d)
                {
                    yield return new PendingEffect($"{s}-projection", RecordingProjection.KindName, "");
                    if (d.RemindAt is { } due)
                        yield return TimerEffect.Create<LedgerCommand>($"{s}-remind", LedgerEffects.Workflow, instanceId, due, new Remind(due, due), LedgerEffects.Json);
                }
                if (e is Annotated)
                    yield return new PendingEffect($"{s}-mail-owner", LedgerEffects.MailKind, "note");
            }
        }
    }

    /// <summary>
    /// A repeatable effect: records "instance/effect@version:balance" as LoadKnownAsync shows the instance
    /// when it runs. Can be told to fail before doing its work, or after it (a crash before the commit).
    /// </summary>
    private sealed class RecordingProjection(Func<DeciderStore<LedgerCommand, LedgerState, LedgerEvent>> store) : IRepeatableEffectHandler
    {
        public const string KindName = "projection";
        private readonly ConcurrentQueue<string> _runs = new();
        private int _failBefore;
        private int _failAfter;

        public string Kind => KindName;

        public IReadOnlyList<string> Runs => [.. _runs];

        public void FailNext(int count) => Volatile.Write(ref _failBefore, count);

        public void FailAfterRunning(int count) => Volatile.Write(ref _failAfter, count);

        public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _failBefore) >= 0) throw new InvalidOperationException("projection store down");
            var known = await store().LoadKnownAsync(instanceId, includeEvents: false, cancellationToken);
            _runs.Enqueue($"{instanceId}/{effect.Id}@{known?.Version}:{known?.State.Balance}");
            if (Interlocked.Decrement(ref _failAfter) >= 0) throw new InvalidOperationException("process died before the commit");
        }
    }
}

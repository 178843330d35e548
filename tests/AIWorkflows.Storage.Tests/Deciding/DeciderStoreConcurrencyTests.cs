using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Ledger;

namespace AIWorkflows.Storage.Tests.Deciding;

[Collection(UsesAzurite.Name)]
public sealed class DeciderStoreConcurrencyTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = LedgerWorld.Start;

    [Fact]
    public async Task GivenOneInstance_When50CommandsRaceFromTwoProcesses_ThenEveryEventIsStoredWithGaplessSeqs()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        using var other = world.NewProcess();
        var amounts = Enumerable.Range(1, 50).ToList();

        var decisions = await Task.WhenAll(amounts.Select(a =>
            Task.Run(() => (a % 2 == 0 ? world : other).Store.HandleAsync("hot", new Deposit(a, Now), default))));

        var snapshot = await world.Store.LoadAsync("hot", includeEvents: true, default);
        Assert.NotNull(snapshot);
        Assert.Equal(50, snapshot.Version);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), snapshot.Events.Select(e => e.Seq));
        Assert.Equal(amounts.Select(a => (long)a), snapshot.Events.Select(e => ((Deposited)e.Event).Amount).Order());
        Assert.Equal(new LedgerState(amounts.Sum(), 50, "", null, 0), snapshot.State);
        // each command saw its own commit: distinct versions, each exactly one past the state it decided on
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), decisions.Select(d => d.Version).Order());
        Assert.All(decisions, d => Assert.Equal(d.Before.Balance + ((Deposited)d.NewEvents[0].Event).Amount, d.State.Balance));
        // and every mail went out once
        Assert.Equal(50, world.Mail.Sent.Count + other.Mail.Sent.Count);
        Assert.Empty(await world.OutboxRowsAsync());
    }

    [Fact]
    public async Task GivenOneInstance_When50ProcessesEachSendACommand_ThenETagRetriesLetEveryOneThrough()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var processes = Enumerable.Range(0, 50).Select(_ => world.NewProcess()).ToList();

        await Task.WhenAll(processes.Select((p, i) => Task.Run(() => p.Store.HandleAsync("hot", new Deposit(i + 1, Now), default))));

        var snapshot = await world.Store.LoadAsync("hot", includeEvents: true, default);
        Assert.NotNull(snapshot);
        Assert.Equal(50, snapshot.Version);
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), snapshot.Events.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(1, 50).Sum(), snapshot.State.Balance);
        Assert.Equal(50, processes.Sum(p => p.Mail.Sent.Count));
        processes.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task GivenOneProcess_When50CommandsRaceOnOneInstance_ThenTheyQueueAndNoTransactionIsLostToConflicts()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var before = world.Counter.Snapshot();

        await Task.WhenAll(Enumerable.Range(1, 50).Select(a => Task.Run(() => world.Store.HandleAsync("hot", new Deposit(a, Now), default))));

        var cost = world.Counter.Since(before);
        // one read, then 50 commits and 50 outbox deletes: nobody re-read or retried
        Assert.Equal(101, cost.Total);
        var snapshot = await world.Store.LoadAsync("hot", includeEvents: false, default);
        Assert.Equal((50L, 1275L), (snapshot!.Version, snapshot.State.Balance));
    }
}

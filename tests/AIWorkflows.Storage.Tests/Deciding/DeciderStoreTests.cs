using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Ledger;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Tests.Deciding;

[Collection(UsesAzurite.Name)]
public sealed class DeciderStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = LedgerWorld.Start;

    [Fact]
    public async Task GivenNoInstance_WhenDeposit_ThenStateEventAndMailAreStoredAndOutboxIsEmpty()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);

        var decision = await world.Store.HandleAsync("acct-1", new Deposit(40, Now), default);

        Assert.Equal(1, decision.Version);
        Assert.Equal(LedgerState.Empty, decision.Before);
        Assert.Equal(40, decision.State.Balance);
        var stored = Assert.Single(decision.NewEvents);
        Assert.Equal((1L, Now), (stored.Seq, stored.RecordedAt));
        Assert.Equal(["acct-1/1-mail-owner"], world.Mail.Sent);
        Assert.Empty(await world.OutboxRowsAsync());

        var snapshot = await world.Store.LoadAsync("acct-1", includeEvents: true, default);
        Assert.NotNull(snapshot);
        Assert.Equal((40L, 1L), (snapshot.State.Balance, snapshot.Version));
        Assert.Equal(new Deposited(40, null), Assert.Single(snapshot.Events).Event);
    }

    [Fact]
    public async Task GivenNoInstance_WhenLoaded_ThenNull()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);

        Assert.Null(await world.Store.LoadAsync("nobody", includeEvents: false, default));
        Assert.Null(await world.Store.LoadAsync("nobody", includeEvents: true, default));
    }

    [Fact]
    public async Task GivenInstance_WhenCommandDecidesNothing_ThenNothingIsWritten()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        await world.Store.HandleAsync("acct-1", new Deposit(5, Now), default);
        var before = world.Counter.Snapshot();

        var decision = await world.Store.HandleAsync("acct-1", new Deposit(0, Now), default);

        Assert.False(decision.Changed);
        Assert.Equal(1, decision.Version);
        var cost = world.Counter.Since(before);
        Assert.Equal(0, cost.ForMethod("POST"));
        Assert.Equal(1, cost.Total); // the fresh read that confirms "nothing to do"
    }

    [Fact]
    public async Task GivenCommandWithMailAndTimer_WhenHandled_ThenCostIsReadCommitTimerRowAndOneOutboxDelete()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var first = world.Counter.Snapshot();

        await world.Store.HandleAsync("acct-1", new Deposit(5, Now, RemindAt: Now.AddDays(7)), default);
        var cold = world.Counter.Since(first);
        var second = world.Counter.Snapshot();
        await world.Store.HandleAsync("acct-1", new Deposit(6, Now, RemindAt: Now.AddDays(8)), default);
        var warm = world.Counter.Since(second);

        // read state + commit + timer row + delete of both outbox rows in one batch
        Assert.Equal(4, cold.Total);
        Assert.Equal(2, cold.ForResource(world.WorkflowsTable.Name + "/$batch"));
        // the cached (state, ETag) saves the read
        Assert.Equal(3, warm.Total);
        Assert.Equal(2, (await world.TimerRowsAsync()).Count);
        Assert.Equal(["acct-1/1-mail-owner", "acct-1/2-mail-owner"], world.Mail.Sent);
    }

    [Fact]
    public async Task GivenStaleCache_WhenCommandDecidesNothingOnIt_ThenItIsDecidedAgainOnAFreshRead()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        using var other = world.NewProcess();
        var due = Now.AddHours(2);
        await world.Store.HandleAsync("acct-1", new Deposit(1, Now), default);     // world caches v1
        await other.Store.HandleAsync("acct-1", new Deposit(1, Now, due), default); // v2 sets the reminder

        var decision = await world.Store.HandleAsync("acct-1", new Remind(due, due), default);

        Assert.Equal(new Reminded(due), Assert.Single(decision.NewEvents).Event);
        Assert.Equal(3, decision.Version);
    }

    [Fact]
    public async Task GivenStaleCache_WhenCommandWrites_ThenConflictReloadsAndNothingIsLost()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        using var other = world.NewProcess();
        await world.Store.HandleAsync("acct-1", new Deposit(1, Now), default);
        await other.Store.HandleAsync("acct-1", new Deposit(10, Now), default);

        var decision = await world.Store.HandleAsync("acct-1", new Deposit(100, Now), default);

        Assert.Equal((3L, 111L), (decision.Version, decision.State.Balance));
        Assert.Equal(11, decision.Before.Balance);
    }

    [Fact]
    public async Task GivenInstanceOfAnotherWorkflow_WhenHandled_ThenRefused()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        await world.WorkflowsTable.AddEntityAsync(new TableEntity("shared-id", "state") { ["Workflow"] = "other", ["Version"] = 1L, ["State"] = "{}" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => world.Store.HandleAsync("shared-id", new Deposit(1, Now), default));
        Assert.Contains("belongs to workflow 'other'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenEffectKindWithoutHandler_WhenHandled_ThenRefusedBeforeCommit()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        using var noMail = world.NewProcess();
        var store = new AIWorkflows.Storage.Deciding.DeciderStore<LedgerCommand, LedgerState, LedgerEvent>(
            LedgerEffects.Workflow, new LedgerDecider(), (_, _, _, _) => [new("1-fax", "fax", "")], world.Clients, world.Dispatcher, LedgerEffects.Json, world.Time);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.HandleAsync("acct-1", new Deposit(1, Now), default));
        Assert.Null(await world.Store.LoadAsync("acct-1", includeEvents: false, default));
    }
}

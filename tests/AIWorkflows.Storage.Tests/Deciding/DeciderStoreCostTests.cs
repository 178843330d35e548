using System.Text.Json;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Ledger;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.Storage.Tests.Deciding;

/// <summary>The reads the store saves: a new instance is added without one, an instance's due timers share one.</summary>
[Collection(UsesAzurite.Name)]
public sealed class DeciderStoreCostTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = LedgerWorld.Start;

    [Fact]
    public async Task GivenANewId_WhenHandledAsNew_ThenItIsAddedWithoutARead()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var before = world.Counter.Snapshot();

        var decision = await world.Store.HandleNewAsync("acct-new", new Deposit(40, Now), default);

        var cost = world.Counter.Since(before);
        Assert.Equal((1L, 40L), (decision.Version, decision.State.Balance));
        Assert.Equal(0, cost.ForMethod("GET"));
        Assert.Equal(2, cost.Total); // the commit and the delete of its outbox row once the mail is sent
        Assert.Equal(["acct-new/1-mail-owner"], world.Mail.Sent);
    }

    [Fact]
    public async Task GivenAnInstanceThatExists_WhenHandledAsNew_ThenTheAddFailsAndTheCommandIsDecidedOnAFreshRead()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        await world.Store.HandleAsync("acct-1", new Deposit(5, Now), default);
        using var other = world.NewProcess(); // knows nothing of acct-1

        var decision = await other.Store.HandleNewAsync("acct-1", new Deposit(6, Now), default);

        Assert.Equal((2L, 11L), (decision.Version, decision.State.Balance));
        var stored = await world.Store.LoadAsync("acct-1", includeEvents: true, default);
        Assert.Equal([1L, 2L], stored!.Events.Select(e => e.Seq));
    }

    [Fact]
    public async Task GivenSeveralDueTimersOfOneInstance_WhenSwept_ThenTheyShareOneRead_AndOnlyTheCurrentOneDecides()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        for (var h = 1; h <= 3; h++)
            await world.Store.HandleAsync("acct-1", new Deposit(1, Now, RemindAt: Now.AddHours(h)), default);
        using var sweep = new TimerSweep(world.Clients, [world.Store], world.Dispatcher);
        await sweep.RunAsync(Now, default); // the first sweep's cursor work
        using var fresh = world.NewProcess(); // no cached state: the first timer must read
        using var freshSweep = new TimerSweep(fresh.Clients, [fresh.Store], fresh.Dispatcher);
        await freshSweep.RunAsync(Now, default);
        var before = fresh.Counter.Snapshot();

        var result = await freshSweep.RunAsync(Now.AddHours(4), default);

        var cost = fresh.Counter.Since(before);
        Assert.Equal(3, result.Delivered);
        Assert.Equal(1, cost.ByOperation.GetValueOrDefault(new StorageOperation("GET", world.WorkflowsTable.Name)));
        var state = (await world.Store.LoadAsync("acct-1", includeEvents: false, default))!.State;
        Assert.Equal((1, (DateTimeOffset?)null), (state.Reminders, state.ReminderDue));
        Assert.Empty(await world.TimerRowsAsync());
    }

    [Fact]
    public async Task GivenAFinalStateThisProcessCommitted_WhenAStaleTimerArrives_ThenNothingIsDecidedWithoutARead()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        await world.Store.HandleAsync("acct-1", new Deposit(1, Now, RemindAt: Now.AddHours(1)), default);
        await world.Store.HandleAsync("acct-1", new Annotate(LedgerDecider.Closed, Now), default);
        var before = world.Counter.Snapshot();

        var due = Now.AddHours(1);
        await world.Store.DeliverAsync("acct-1", JsonSerializer.Serialize<LedgerCommand>(new Remind(due, due), LedgerEffects.Json), default);

        Assert.Equal(0, world.Counter.Since(before).Total);
        Assert.Equal(2L, (await world.Store.LoadAsync("acct-1", includeEvents: false, default))!.Version);
    }

    [Fact]
    public async Task GivenAStateThatIsNotFinal_WhenACachedCopyDecidesNothing_ThenItIsReadAgain()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        await world.Store.HandleAsync("acct-1", new Annotate("open", Now), default);
        var before = world.Counter.Snapshot();

        await world.Store.HandleAsync("acct-1", new Annotate("open", Now), default);

        Assert.Equal(1, world.Counter.Since(before).ForMethod("GET"));
    }

    [Fact]
    public async Task GivenTimersOfOneCommitDueInOneHour_WhenWritten_ThenOneTransaction()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var before = world.Counter.Snapshot();
        var handler = new TimerEffectHandler(world.Timers, world.Time);
        await handler.HandleAllAsync("ledger", "acct-1",
        [
            TimerEffect.Create("1-a", "ledger", "acct-1", Now.AddMinutes(10), "{}"),
            TimerEffect.Create("1-b", "ledger", "acct-1", Now.AddMinutes(20), "{}"),
            TimerEffect.Create("1-c", "ledger", "acct-1", Now.AddMinutes(25), "{}"),
        ], default);

        Assert.Equal(1, world.Counter.Since(before).ForResource(world.TimersTable.Name));
        Assert.Equal(3, (await world.TimerRowsAsync()).Count);
    }
}

using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Ledger;
using AIWorkflows.Storage.Timers;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Tests.Timers;

[Collection(UsesAzurite.Name)]
public sealed class TimerSweepTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = LedgerWorld.Start; // 09:30 UTC

    [Fact]
    public async Task GivenDueTimer_WhenSwept_ThenItIsDeliveredOnceAndDeleted()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var due = Now.AddHours(2);
        await world.Store.HandleAsync("acct", new Deposit(5, Now, RemindAt: due), default);

        var early = await world.Sweep.RunAsync(Now.AddHours(1), default);
        var onTime = await world.Sweep.RunAsync(due.AddSeconds(1), default);
        var later = await world.Sweep.RunAsync(due.AddMinutes(1), default);

        Assert.Equal((0, 1, 0), (early.Delivered, onTime.Delivered, later.Delivered));
        Assert.Single(world.Target.Delivered);
        Assert.Empty(await world.TimerRowsAsync());
        var state = (await world.Store.LoadAsync("acct", includeEvents: false, default))!.State;
        Assert.Equal((1, (DateTimeOffset?)null), (state.Reminders, state.ReminderDue));
    }

    [Fact]
    public async Task GivenTimerWhoseInstanceMovedOn_WhenSwept_ThenItIsDeliveredAndDeletedAndDecidesNothing()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        await world.Store.HandleAsync("acct", new Deposit(1, Now, RemindAt: Now.AddHours(1)), default);
        await world.Store.HandleAsync("acct", new Deposit(1, Now, RemindAt: Now.AddHours(2)), default); // replaces the reminder

        var result = await world.Sweep.RunAsync(Now.AddHours(3), default);

        Assert.Equal((2, 0), (result.Delivered, result.Failed));
        Assert.Equal(2, world.Target.Delivered.Count);
        Assert.Empty(await world.TimerRowsAsync());
        var snapshot = (await world.Store.LoadAsync("acct", includeEvents: true, default))!;
        Assert.Equal(new Reminded(Now.AddHours(2)), snapshot.Events[^1].Event);
        Assert.Equal(3, snapshot.Version); // two deposits and one reminder: the stale timer decided nothing
    }

    [Fact]
    public async Task GivenTimerAlreadyPastDueWhenSet_WhenSwept_ThenItLandedInTheCurrentHourAndIsDelivered()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        world.Time.Advance(TimeSpan.FromHours(3));                  // 12:30
        await world.Sweep.RunAsync(world.Time.GetUtcNow(), default); // the cursor passes 09, 10 and 11

        await world.Store.HandleAsync("acct", new Deposit(1, Now, RemindAt: Now), default); // due 09:30, set at 12:30
        var row = Assert.Single(await world.TimerRowsAsync());
        var result = await world.Sweep.RunAsync(world.Time.GetUtcNow().AddMinutes(1), default);

        Assert.Equal("2026031012", row.PartitionKey);
        Assert.Equal(1, result.Delivered);
    }

    [Fact]
    public async Task GivenTargetDown_WhenSwept_ThenTheTimerStaysAndTheCursorWaitsAtItsHour()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        await world.Store.HandleAsync("acct", new Deposit(1, Now, RemindAt: Now.AddHours(1)), default); // due 10:30
        world.Target.Down = true;

        var failed = await world.Sweep.RunAsync(Now.AddHours(3), default);
        var cursorWhileFailing = await CursorAsync(world);
        world.Target.Down = false;
        var retried = await world.Sweep.RunAsync(Now.AddHours(3).AddMinutes(1), default);

        Assert.Equal((0, 1), (failed.Delivered, failed.Failed));
        Assert.Equal("2026031010", cursorWhileFailing);
        Assert.Equal((1, 0), (retried.Delivered, retried.Failed));
        Assert.Equal("2026031012", await CursorAsync(world));
        Assert.Empty(await world.TimerRowsAsync());
    }

    [Fact]
    public async Task Given10000TimersDueNextMonth_WhenNothingIsDue_ThenASteadyStateSweepCostsAtMostThreeTransactions()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var nextMonth = new DateTimeOffset(2026, 4, 9, 0, 0, 0, TimeSpan.Zero);
        // 100 per hour over 100 hours: 100 batch transactions of 100 rows
        var timers = Enumerable.Range(0, 10_000).Select(i =>
            new ScheduledTimer(LedgerEffects.Workflow, $"acct-{i}", "remind", nextMonth.AddSeconds(36 * i), """{"$type":"remind"}"""));
        var beforeInsert = world.Counter.Snapshot();
        await world.Timers.ScheduleManyAsync(timers, Now, default);
        Assert.Equal(100, world.Counter.Since(beforeInsert).Total);
        await world.Sweep.RunAsync(Now, default); // first sweep of the process: cursor read, outbox recovery

        var costs = new List<long>();
        foreach (var at in new[] { Now.AddMinutes(1), Now.AddMinutes(20), Now.AddMinutes(36), Now.AddHours(1) })
        {
            var before = world.Counter.Snapshot();
            var result = await world.Sweep.RunAsync(at, default);
            Assert.Equal(0, result.Delivered);
            costs.Add(world.Counter.Since(before).Total);
        }

        // within an hour: one query; once an hour has closed: that query plus the cursor write
        Assert.All(costs, cost => Assert.InRange(cost, 1, 3));
        Assert.Equal([1, 1, 2, 1], costs);
        Assert.Empty(world.Target.Delivered);
    }

    private static async Task<string?> CursorAsync(LedgerWorld world) =>
        (await world.TimersTable.GetEntityAsync<TableEntity>(TimerKeys.CursorPartition, TimerKeys.CursorRow)).Value.GetString("Hour");
}

using System.Collections.Concurrent;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Ledger;

namespace AIWorkflows.Storage.Tests.Effects;

[Collection(UsesAzurite.Name)]
public sealed class EffectDispatcherTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = LedgerWorld.Start;

    [Fact]
    public async Task GivenHandlerFailsAfterCommit_WhenSwept_ThenEffectIsSentOnceAndASecondSweepDoesNothing()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        world.Mail.FailNext(1);

        var decision = await world.Store.HandleAsync("acct", new Deposit(5, Now), default);

        Assert.Equal(1, decision.Version);        // the commit stands
        Assert.Empty(world.Mail.Sent);
        Assert.Single(await world.OutboxRowsAsync());
        Assert.Equal(1, world.Dispatcher.PendingInstances);

        var first = await world.Sweep.RunAsync(Now.AddMinutes(1), default);
        var before = world.Counter.Snapshot();
        var second = await world.Sweep.RunAsync(Now.AddMinutes(2), default);
        var cost = world.Counter.Since(before);

        Assert.Equal(1, first.EffectsRecovered);
        Assert.Equal(0, second.EffectsRecovered);
        Assert.Equal(["acct/1-mail-owner"], world.Mail.Sent);
        Assert.Equal(2, world.Mail.Attempts);
        Assert.Empty(await world.OutboxRowsAsync());
        Assert.True(cost.Total == 1, $"expected only the due-timer query, got {cost}");
    }

    [Fact]
    public async Task GivenProcessCrashedBeforeDispatch_WhenAnotherProcessStarts_ThenItWaitsForTheLeaseAndSendsOnce()
    {
        using var crashed = await LedgerWorld.CreateAsync(azurite);
        crashed.Mail.FailNext(1); // stands in for dying between commit and dispatch: the row stays, claimed
        await crashed.Store.HandleAsync("acct", new Deposit(5, Now), default);
        using var restarted = crashed.NewProcess();

        var whileLeased = await restarted.Dispatcher.SweepAsync(default);
        crashed.Time.Advance(TimeSpan.FromMinutes(6));
        var afterLease = await restarted.Dispatcher.SweepAsync(default);
        var again = await restarted.Dispatcher.SweepAsync(default);

        Assert.Equal((0, 1, 0), (whileLeased, afterLease, again));
        Assert.Equal(["acct/1-mail-owner"], restarted.Mail.Sent);
        Assert.Empty(crashed.Mail.Sent);
        Assert.Empty(await crashed.OutboxRowsAsync());
    }

    [Fact]
    public async Task GivenOrphanedEffects_WhenTwoProcessesSweepAtOnce_ThenEachEffectIsSentExactlyOnce()
    {
        using var crashed = await LedgerWorld.CreateAsync(azurite);
        crashed.Mail.FailNext(int.MaxValue);
        var instances = Enumerable.Range(1, 10).Select(i => $"acct-{i}").ToList();
        foreach (var id in instances)
        {
            await crashed.Store.HandleAsync(id, new Deposit(1, Now), default);
            await crashed.Store.HandleAsync(id, new Deposit(2, Now), default);
        }
        crashed.Time.Advance(TimeSpan.FromMinutes(6));
        using var one = crashed.NewProcess();
        using var two = crashed.NewProcess();
        one.Mail.Before = two.Mail.Before = _ => Task.Delay(10); // keep sends open while the other sweeps

        var swept = await Task.WhenAll(Task.Run(() => one.Dispatcher.SweepAsync(default)), Task.Run(() => two.Dispatcher.SweepAsync(default)));
        await Task.WhenAll(one.Dispatcher.SweepAsync(default), two.Dispatcher.SweepAsync(default));

        var sent = one.Mail.Sent.Concat(two.Mail.Sent).ToList();
        Assert.Equal(20, sent.Count);
        Assert.Equal(20, sent.Distinct().Count());
        Assert.Equal(20, swept.Sum());
        Assert.Empty(await crashed.OutboxRowsAsync());
    }

    [Fact]
    public async Task GivenSendInFlight_WhenTheSameProcessSweepsThatInstance_ThenTheFreshEffectIsNotSentTwice()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        world.Mail.FailNext(1);
        await world.Store.HandleAsync("acct", new Deposit(1, Now), default); // 1-mail-owner pending, instance remembered
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        world.Mail.Before = effect =>
        {
            if (effect.Id != "2-mail-owner") return Task.CompletedTask;
            started.TrySetResult();
            return release.Task;
        };

        var handling = world.Store.HandleAsync("acct", new Deposit(2, Now), default); // commits, then blocks sending 2
        await started.Task;
        var swept = await world.Dispatcher.SweepAsync(default);
        release.SetResult();
        await handling;
        var sweptAfter = await world.Dispatcher.SweepAsync(default);

        Assert.Equal(1, swept);       // only the failed one; the in-flight one was left to its sender
        Assert.Equal(0, sweptAfter);
        Assert.Equal(["acct/1-mail-owner", "acct/2-mail-owner"], world.Mail.Sent.Order());
        Assert.Empty(await world.OutboxRowsAsync());
    }

    [Fact]
    public async Task GivenAnEffectThatKeepsFailing_WhenSweptRepeatedly_ThenRetriesAreSpacedOut()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        world.Mail.FailNext(int.MaxValue);
        await world.Store.HandleAsync("acct", new Deposit(1, Now), default); // attempt 1
        await world.Dispatcher.SweepAsync(default);                           // attempt 2: the next sweep retries at once

        await world.Dispatcher.SweepAsync(default);                           // too soon: skipped
        world.Time.Advance(TimeSpan.FromMinutes(1));
        await world.Dispatcher.SweepAsync(default);                           // attempt 3, after a minute
        world.Mail.FailNext(0);
        world.Time.Advance(TimeSpan.FromMinutes(1));
        await world.Dispatcher.SweepAsync(default);                           // too soon: the next wait is 2 minutes
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var sent = await world.Dispatcher.SweepAsync(default);

        Assert.Equal(1, sent);
        Assert.Equal(4, world.Mail.Attempts);
        Assert.Equal(["acct/1-mail-owner"], world.Mail.Sent);
        Assert.Equal(0, world.Dispatcher.PendingInstances);
    }

    [Fact]
    public async Task GivenAMailAndATimerInOneCommit_WhenDispatched_ThenTheMailIsSentOnceTheTimerIsWritten_AndBothRowsGoInOneDelete()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var order = new ConcurrentQueue<string>();
        world.TimerHandler.Written = effects => order.Enqueue($"timer {effects[0].Id} written");
        world.Mail.Before = effect =>
        {
            order.Enqueue($"mail {effect.Id} sending");
            return Task.CompletedTask;
        };
        var before = world.Counter.Snapshot();

        await world.Store.HandleAsync("acct", new Deposit(5, Now, RemindAt: Now.AddDays(1)), default);

        var cost = world.Counter.Since(before);
        // The mail is what a crash would repeat, so it goes last: its row's delete waits on no other effect.
        Assert.Equal(["timer 1-remind written", "mail 1-mail-owner sending"], order);
        Assert.Equal(["acct/1-mail-owner"], world.Mail.Sent);
        Assert.Empty(await world.OutboxRowsAsync());
        Assert.True(cost.Total == 4, $"expected the state read, the commit, the timer write and ONE delete, got {cost}");
    }

    [Fact]
    public async Task GivenTheTimerWriteFails_WhenDispatched_ThenTheMailIsStillSentAndOnlyTheTimerIsRetried()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        world.TimerHandler.Down = true;

        await world.Store.HandleAsync("acct", new Deposit(5, Now, RemindAt: Now.AddDays(1)), default);

        Assert.Equal(["acct/1-mail-owner"], world.Mail.Sent);
        Assert.Equal(["out-1-remind"], (await world.OutboxRowsAsync()).Select(r => r.RowKey));

        world.TimerHandler.Down = false;
        var swept = await world.Dispatcher.SweepAsync(default);

        Assert.Equal(1, swept);
        Assert.Equal(["acct/1-mail-owner"], world.Mail.Sent);
        Assert.Single(await world.TimerRowsAsync());
        Assert.Empty(await world.OutboxRowsAsync());
    }
}

using System.Diagnostics;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 3: the sweep against 100,000 scheduled timers of which 1,000 are due. The storage layer
/// directly (TimerStore, TimerSweep), delivering to a target that only counts, so the figures are the
/// sweep's own: what each delivered command then costs is its workflow's (benchmark 1).
/// </summary>
internal static class SweepAtScale
{
    public const int Timers = 100_000;
    public const int Due = 1_000;

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        var clients = new StorageClients(azurite.NewStorageOptions(), new StorageTransactionCounter());
        await clients.EnsureCreatedAsync(CancellationToken.None);
        var counter = clients.Counter;
        var now = new DateTimeOffset(2026, 11, 23, 17, 30, 0, TimeSpan.Zero);
        var target = new CountingTarget();
        var sweep = new TimerSweep(clients, [target], new EffectDispatcher(clients, [], TimeProvider.System));
        var store = new TimerStore(clients);
        await sweep.RunAsync(now, CancellationToken.None); // a process's first sweep: cursor, recovery scan

        // 99,000 timers over the next 10 days from 2 hours ahead (about 410 per hour partition: batches of 100 fill up).
        var clock = Stopwatch.StartNew();
        var future = Enumerable.Range(0, Timers - Due).Select(i =>
            Timer($"inst-{i:D6}", now.AddHours(2).AddMinutes(i * 7919L % (10 * 24 * 60))));
        // Written from 4 writers, each its own hour partitions: setting up is not what is measured.
        await Task.WhenAll(future.GroupBy(t => t.DueAt.UtcDateTime.Ticks / TimeSpan.TicksPerHour % 4)
            .Select(g => store.ScheduleManyAsync(g.ToList(), now, CancellationToken.None)));
        var insertFuture = clock.Elapsed;
        Console.WriteLine($"  {Timers - Due:N0} timers written in {insertFuture.TotalSeconds:F0} s");

        var idle1 = await Measure(sweep, counter, now.AddMinutes(1));
        // 1,000 timers due in the last half hour (the current hour's partition).
        clock.Restart();
        await store.ScheduleManyAsync(Enumerable.Range(0, Due).Select(i => Timer($"due-{i:D4}", now.AddMinutes(-30).AddSeconds(i * 1.8))), now, CancellationToken.None);
        var insertDue = clock.Elapsed;
        var seen = target.Count;
        var busy = await Measure(sweep, counter, now.AddMinutes(2));
        var busyDelivered = target.Count - seen;
        var idle2 = await Measure(sweep, counter, now.AddMinutes(3));
        var idleNextHour = await Measure(sweep, counter, now.AddMinutes(36)); // 18:06: the hour before has closed, the cursor moves
        if (busy.Result.Delivered != Due || busyDelivered != Due || target.Count != Due)
            throw new InvalidOperationException($"The sweep delivered {busy.Result.Delivered} (target saw {busyDelivered}; {target.Count} in all), not {Due}.");

        var maxIdle = new[] { idle1.Cost.Total, idle2.Cost.Total, idleNextHour.Cost.Total }.Max();
        report.Target("3. sweep at scale", $"{Due:N0} due of {Timers:N0}: transactions, seconds", $"{busy.Cost.Total}, {busy.Took.TotalSeconds:F2} s", "—", null);
        report.Target("3. sweep at scale", "none due (worst of 3 sweeps)", $"{maxIdle}", "≤ 3", maxIdle <= 3);
        report.Section("3. Sweep at scale",
            $"{Timers:N0} timers in the Timers table ({Timers - Due:N0} over 10 days from 2 hours ahead, written in {insertFuture.TotalSeconds:F0} s as batches of up to 100 per hour partition from 4 writers; "
            + $"{Due:N0} due within the last half hour, written in {insertDue.TotalSeconds:F1} s). The sweep reads only the hour partitions from its cursor to now, "
            + "delivers (here to a target that only counts) and deletes what it delivered in batches.\n\n"
            + Report.Table(["sweep", "delivered", "transactions", "seconds", "what"], new[]
            {
                Row("none due", idle1), Row($"{Due:N0} due", busy), Row("none due, again", idle2), Row("none due, next hour (cursor moves)", idleNextHour),
            }));
    }

    private static string[] Row(string what, (TimerSweepResult Result, StorageTransactionSnapshot Cost, TimeSpan Took) m) =>
        [what, $"{m.Result.Delivered}", $"{m.Cost.Total}", $"{m.Took.TotalSeconds:F2}", Report.Breakdown(m.Cost)];

    private static async Task<(TimerSweepResult Result, StorageTransactionSnapshot Cost, TimeSpan Took)> Measure(
        TimerSweep sweep, StorageTransactionCounter counter, DateTimeOffset at)
    {
        var before = counter.Snapshot();
        var clock = Stopwatch.StartNew();
        var result = await sweep.RunAsync(at, CancellationToken.None);
        return (result, counter.Since(before), clock.Elapsed);
    }

    private static ScheduledTimer Timer(string instanceId, DateTimeOffset due) =>
        new(CountingTarget.Name, instanceId, "1-timer-reminder", due, "{\"type\":\"reminder\"}");

    private sealed class CountingTarget : ITimerTarget
    {
        public const string Name = "bench";
        private int _count;

        public string Workflow => Name;

        public int Count => _count;

        public Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }
}

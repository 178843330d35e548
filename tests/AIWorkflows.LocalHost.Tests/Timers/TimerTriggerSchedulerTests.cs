using AIWorkflows.LocalHost.Tests.Samples;
using AIWorkflows.LocalHost.Timers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.LocalHost.Tests.Timers;

public sealed class TimerTriggerSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 3, TimeSpan.Zero);

    [Fact]
    public void Scanning_finds_the_timer_functions_and_reads_their_six_field_schedules()
    {
        var timer = Assert.Single(TimerFunction.Scan([typeof(SampleTimers).Assembly]));

        Assert.Equal(nameof(SampleTimers.EveryTenSeconds), timer.Name);
        Assert.Equal(Start.AddSeconds(7), timer.NextAfter(Start));
        Assert.Equal(Start.AddSeconds(17), timer.NextAfter(Start.AddSeconds(7)));
    }

    [Fact]
    public async Task A_timer_function_runs_when_the_clock_reaches_each_occurrence()
    {
        var clock = new FakeTimeProvider(Start);
        using var host = await StartAsync(clock);
        var ledger = host.Services.GetRequiredService<SampleLedger>();

        clock.Advance(TimeSpan.FromSeconds(6));
        await Task.Delay(100);
        Assert.Empty(ledger.Ticks);

        clock.Advance(TimeSpan.FromSeconds(1));
        await UntilAsync(() => ledger.Ticks.Count == 1);
        clock.Advance(TimeSpan.FromSeconds(10));
        await UntilAsync(() => ledger.Ticks.Count == 2);

        var (function, timer) = ledger.Ticks.Last();
        Assert.Equal(nameof(SampleTimers.EveryTenSeconds), function);
        Assert.False(timer.IsPastDue);
        Assert.Equal(Start.AddSeconds(7).UtcDateTime, timer.ScheduleStatus!.Last);
        Assert.Equal(Start.AddSeconds(27).UtcDateTime, timer.ScheduleStatus.Next);
    }

    [Fact]
    public async Task A_run_that_outlasts_its_interval_is_not_overlapped_and_the_late_run_says_it_is_past_due()
    {
        var clock = new FakeTimeProvider(Start);
        using var host = await StartAsync(clock);
        var ledger = host.Services.GetRequiredService<SampleLedger>();
        ledger.Hold();

        clock.Advance(TimeSpan.FromSeconds(7));
        await UntilAsync(() => ledger.Ticks.Count == 1);
        var sweep = host.Services.GetRequiredService<TimerTriggerScheduler>().RunAllNowAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(25));
        await Task.Delay(200);
        Assert.Single(ledger.Ticks);

        ledger.Release();
        var runs = await sweep;
        Assert.True(Assert.Single(runs).Succeeded);
        Assert.Equal(1, ledger.MostRunningAtOnce);
        Assert.True(ledger.Ticks.Last().Timer.IsPastDue);
    }

    [Fact]
    public async Task Running_all_timer_functions_now_does_not_wait_for_the_clock()
    {
        var clock = new FakeTimeProvider(Start);
        using var host = await StartAsync(clock, onSchedule: false);

        var runs = await host.Services.GetRequiredService<TimerTriggerScheduler>().RunAllNowAsync(CancellationToken.None);

        var run = Assert.Single(runs);
        Assert.Equal(nameof(SampleTimers.EveryTenSeconds), run.Function);
        Assert.True(run.Succeeded);
        var (_, timer) = Assert.Single(host.Services.GetRequiredService<SampleLedger>().Ticks);
        Assert.False(timer.IsPastDue);
    }

    private static async Task<IHost> StartAsync(FakeTimeProvider clock, bool onSchedule = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<SampleLedger>();
        builder.Services.AddLocalTimers(o =>
        {
            o.FunctionAssemblies.Add(typeof(SampleTimers).Assembly);
            o.RunOnSchedule = onSchedule;
        });
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition()) await Task.Delay(10, timeout.Token);
    }
}

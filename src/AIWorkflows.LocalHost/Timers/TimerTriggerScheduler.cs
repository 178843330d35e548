using System.Collections.Frozen;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace AIWorkflows.LocalHost.Timers;

/// <summary>
/// Runs every <c>[TimerTrigger]</c> function of the app on its schedule, as the Functions host does: a
/// new scope (and, for an instance method, a new object) per run, never two runs of one function at
/// once, the next run the first occurrence after the previous one ends. Time comes from
/// <see cref="TimeProvider"/>, so a test drives it with a fake clock.
/// </summary>
public sealed partial class TimerTriggerScheduler : BackgroundService
{
    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly LocalTimerOptions _options;
    private readonly ILogger _log;
    private readonly FrozenDictionary<string, Slot> _slots;
    private DateTimeOffset _startedAt;

    public TimerTriggerScheduler(
        IServiceProvider services, TimeProvider time, IHostApplicationLifetime lifetime, IOptions<LocalTimerOptions> options,
        IConfiguration configuration, ILogger<TimerTriggerScheduler> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_services, _time, _lifetime, _options, _log) = (services, time, lifetime, options.Value, log);
        Functions = TimerFunction.Scan(_options.FunctionAssemblies, configuration);
        _slots = Functions.ToFrozenDictionary(f => f.Name, f => new Slot(f), StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyList<TimerFunction> Functions { get; }

    /// <summary>
    /// Runs every timer function now, one after another (the Development sweep). A function that is
    /// running on its schedule is waited for, not run alongside.
    /// </summary>
    public async Task<IReadOnlyList<TimerRun>> RunAllNowAsync(CancellationToken cancellationToken)
    {
        var runs = new List<TimerRun>(_slots.Count);
        foreach (var slot in _slots.Values) runs.Add(await RunAsync(slot, _time.GetUtcNow(), cancellationToken));
        return runs;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Occurrences count from the host's start, not from whenever ExecuteAsync gets a thread (since
        // .NET 10 it runs on the thread pool).
        _startedAt = _time.GetUtcNow();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunOnSchedule || _slots.Count == 0) return;
        // Start once the whole app is up: a timer function may start an orchestration or read storage.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        await Task.WhenAll(_slots.Values.Select(slot => KeepScheduleAsync(slot, _startedAt, stoppingToken)));
    }

    private async Task KeepScheduleAsync(Slot slot, DateTimeOffset after, CancellationToken stoppingToken)
    {
        try
        {
            if (slot.Function.RunOnStartup) await RunAsync(slot, after, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var due = slot.Function.NextAfter(after);
                var wait = due - _time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, stoppingToken);
                var run = await RunAsync(slot, due, stoppingToken);
                // The next occurrence after this one and after the run ended: ticks missed while it ran are skipped.
                var ended = run.Started + run.Duration;
                after = ended > due ? ended : due;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<TimerRun> RunAsync(Slot slot, DateTimeOffset due, CancellationToken cancellationToken)
    {
        await slot.Running.WaitAsync(cancellationToken);
        try
        {
            var started = _time.GetUtcNow();
            var timer = new TimerInfo
            {
                IsPastDue = started - due > _options.PastDueTolerance,
                ScheduleStatus = new ScheduleStatus
                {
                    Last = slot.LastDue?.UtcDateTime ?? default,
                    Next = slot.Function.NextAfter(due > started ? due : started).UtcDateTime,
                    LastUpdated = started.UtcDateTime,
                },
            };
            var startedAt = _time.GetTimestamp();
            Exception? error = null;
            try
            {
                await using var scope = _services.CreateAsyncScope();
                await slot.Function.Function.InvokeAsync(scope.ServiceProvider, timer, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                error = e;
                RunFailed(_log, slot.Function.Name, e);
            }
            slot.LastDue = due;
            return new TimerRun(slot.Function.Name, due, started, _time.GetElapsedTime(startedAt), error);
        }
        finally
        {
            slot.Running.Release();
        }
    }

    public override void Dispose()
    {
        foreach (var slot in _slots.Values) slot.Running.Dispose();
        base.Dispose();
    }

    [LoggerMessage(LogLevel.Error, "Timer function {Function} failed")]
    private static partial void RunFailed(ILogger logger, string function, Exception exception);

    private sealed class Slot(TimerFunction function)
    {
        public TimerFunction Function { get; } = function;

        public SemaphoreSlim Running { get; } = new(1, 1);

        public DateTimeOffset? LastDue { get; set; }
    }
}

namespace AIWorkflows.App.Functions;

/// <summary>
/// Outside Azure, calls the same timer handlers the Functions host would, on the same intervals.
/// The local host runs it; tests turn it off and sweep on demand.
/// </summary>
public sealed partial class SweepScheduler(SweepRunner runner, TimeProvider clock, IConfiguration config, ILogger<SweepScheduler> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Sweep:Scheduler", true)) return;
        var interval = config.GetValue<TimeSpan?>("Sweep:Interval") ?? TimeSpan.FromMinutes(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick retries; timers and outbox rows stay where they are until then.
                Failed(log, e.GetType().Name, e.Message);
            }
            try { await Task.Delay(interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Sweep failed ({Error}: {Message}); retrying at the next tick")]
    private static partial void Failed(ILogger logger, string error, string message);
}

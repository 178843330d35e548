using AIWorkflows.Storage.Timers;

namespace AIWorkflows.App.Functions;

/// <summary>Runs the timer sweep at the app's current time, one at a time whoever asks (scheduler, Functions host, dev endpoint).</summary>
public sealed partial class SweepRunner(TimerSweep sweep, TimeProvider clock, ILogger<SweepRunner> log) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<TimerSweepResult> RunAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var result = await sweep.RunAsync(clock.GetUtcNow(), ct);
            if (result.Delivered + result.Failed + result.EffectsRecovered > 0)
                Swept(log, result.Delivered, result.Failed, result.EffectsRecovered);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(LogLevel.Information, "Sweep delivered {Delivered} timers ({Failed} failed) and recovered {Recovered} effects")]
    private static partial void Swept(ILogger logger, int delivered, int failed, int recovered);
}

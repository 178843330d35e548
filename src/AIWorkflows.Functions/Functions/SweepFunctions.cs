using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.App.Functions;

/// <summary>The timer work: in Azure the Functions host fires it, locally the local host does.</summary>
public sealed class SweepFunctions(SweepRunner runner)
{
    // Every five minutes: review deadlines are business days, so minutes of lateness do not matter,
    // and an idle sweep costs one storage read. Past-due runs (scaled to zero, restarted) catch up in
    // one sweep, since it reads every hour partition from its cursor to now.
    [Function("Sweep")]
    public Task Sweep([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        runner.RunAsync(cancellationToken);
}

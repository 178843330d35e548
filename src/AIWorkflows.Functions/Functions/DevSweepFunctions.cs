using AIWorkflows.App.Development;
using AIWorkflows.App.Web;
using AIWorkflows.App.Workflows;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Functions;

/// <summary>
/// <c>POST /api/dev/sweep</c>: runs the timer work now, so a developer need not wait for its schedule:
/// every running orchestration hears the app's time and decides what fell due by it, then sleeping
/// instances whose deadline is near wake. Answers how many of each.
/// </summary>
public sealed class DevSweepFunctions(IHostEnvironment environment, WorkflowClocks clocks, WorkflowWakes wakes)
{
    [Function("DevSweep")]
    public async Task<IResult> SweepAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dev/sweep")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        if (DevelopmentOnly.Refusal(environment) is { } refused) return refused;
        var running = await clocks.MovedAsync(client, ct);
        var woken = await wakes.WakeDueAsync(client, ct);
        return TypedResults.Ok(new SweepResult(running, woken)).Secured();
    }

    /// <param name="Running">Running instances told the time (each decided what fell due by it).</param>
    /// <param name="Woken">Sleeping instances started because a deadline is near.</param>
    public sealed record SweepResult(int Running, int Woken);
}

using AIWorkflows.App.Development;
using AIWorkflows.App.Workflows;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Functions;

/// <summary>
/// <c>POST /api/dev/sweep</c>: runs the timer work now, so a developer need not wait for its schedule:
/// every running orchestration hears the app's time and decides what fell due by it, then sleeping
/// instances whose deadline is near wake. Answers how many of each.
/// </summary>
public static class TimerFunctionEndpoints
{
    public static IEndpointRouteBuilder MapTimerFunctions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/sweep", async (WorkflowClocks clocks, WorkflowWakes wakes, DurableTaskClient client, CancellationToken ct) =>
            {
                var running = await clocks.MovedAsync(client, ct);
                var woken = await wakes.WakeDueAsync(client, ct);
                return TypedResults.Ok(new SweepResult(running, woken));
            })
            .DevelopmentOnly();
        return app;
    }

    /// <param name="Running">Running instances told the time (each decided what fell due by it).</param>
    /// <param name="Woken">Sleeping instances started because a deadline is near.</param>
    public sealed record SweepResult(int Running, int Woken);
}

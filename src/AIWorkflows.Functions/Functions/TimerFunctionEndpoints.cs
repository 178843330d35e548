using AIWorkflows.App.Development;
using AIWorkflows.App.Workflows;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Functions;

/// <summary>
/// <c>POST /api/dev/sweep</c>: runs the timer work now, so a developer need not wait for its schedule;
/// first every running orchestration hears the app's time and decides what fell due by it, and sleeping ones near their deadline wake.
/// </summary>
public static class TimerFunctionEndpoints
{
    public static IEndpointRouteBuilder MapTimerFunctions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/sweep", async (SweepRunner runner, WorkflowClocks clocks, WorkflowWakes wakes, DurableTaskClient client, CancellationToken ct) =>
            {
                await clocks.MovedAsync(client, ct);
                // Then the sleeping ones whose deadline the clock has brought near.
                await wakes.WakeDueAsync(client, ct);
                return TypedResults.Ok(await runner.RunAsync(ct));
            })
            .DevelopmentOnly();
        return app;
    }
}

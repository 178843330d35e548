using AIWorkflows.App.Development;

namespace AIWorkflows.App.Functions;

/// <summary><c>POST /api/dev/sweep</c>: runs the timer work now, so a developer need not wait for its schedule.</summary>
public static class TimerFunctionEndpoints
{
    public static IEndpointRouteBuilder MapTimerFunctions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/sweep", async (SweepRunner runner, CancellationToken ct) => TypedResults.Ok(await runner.RunAsync(ct)))
            .DevelopmentOnly();
        return app;
    }
}

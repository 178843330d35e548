using System.Text.Json.Nodes;
using AIWorkflows.App.Development;

namespace AIWorkflows.App.Functions;

/// <summary>
/// The Functions custom-handler contract for timers: the host POSTs the trigger payload to
/// /{FunctionName} and expects application/json {"Outputs":{},"Logs":[...],"ReturnValue":null}.
/// A failed sweep answers 500 so the host records the invocation as failed and alerts fire.
/// </summary>
public static class TimerFunctionEndpoints
{
    public static IEndpointRouteBuilder MapTimerFunctions(this IEndpointRouteBuilder app)
    {
        app.MapPost($"/{AppTimers.Sweep.FunctionName}", SweepAsync).ExcludeFromDescription();

        app.MapPost("/api/dev/sweep", async (SweepRunner runner, CancellationToken ct) => TypedResults.Ok(await runner.RunAsync(ct)))
            .DevelopmentOnly();
        return app;
    }

    private static async Task<IResult> SweepAsync(HttpRequest request, SweepRunner runner, CancellationToken ct)
    {
        // The host's payload is a few hundred bytes; anything this large is not the host, and is refused like any oversized body.
        if (request.ContentLength > TimerInvocation.MaxBodyBytes)
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The body is too large", detail: $"Send at most {TimerInvocation.MaxBodyBytes / 1024} KiB.");
        var invocation = await TimerInvocation.ReadAsync(request, ct);
        // Past due means the host missed occurrences (scaled to zero, restarted); one sweep catches up,
        // since it reads every hour partition from its cursor to now.
        var pastDue = invocation.IsPastDue ? " (past due: caught up)" : "";
        try
        {
            var r = await runner.RunAsync(ct);
            return Invocation(StatusCodes.Status200OK, $"Sweep delivered {r.Delivered} timers, {r.Failed} failed, recovered {r.EffectsRecovered} effects{pastDue}.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Invocation(StatusCodes.Status500InternalServerError, $"Sweep failed: {e.GetType().Name}{pastDue}.");
        }
    }

    private static IResult Invocation(int status, string log) => Results.Json(
        new JsonObject { ["Outputs"] = new JsonObject(), ["Logs"] = new JsonArray(log), ["ReturnValue"] = null },
        statusCode: status, contentType: "application/json");
}

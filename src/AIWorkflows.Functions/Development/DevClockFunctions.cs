using System.Text.Json;
using AIWorkflows.App.Web;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.App.Development;

/// <summary>The clock's answer: the app's now, ISO 8601 with offset.</summary>
public sealed record ClockResponse(DateTimeOffset Now);

/// <summary><c>GET/POST /api/dev/clock</c>: read and advance the Development clock (DESIGN §3).</summary>
public sealed class DevClockFunctions(IHostEnvironment environment, TimeProvider clock)
{
    [Function("DevClockNow")]
    public IResult Now([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dev/clock")] HttpRequest request) =>
        DevelopmentOnly.Refusal(environment) ?? TypedResults.Ok(new ClockResponse(clock.GetUtcNow())).Secured();

    /// <summary>Body <c>{"advance":"P90D"}</c>; answers the new now.</summary>
    [Function("DevClockAdvance")]
    public async Task<IResult> AdvanceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dev/clock")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (DevelopmentOnly.Refusal(environment) is { } refused) return refused;
        // Read the body ourselves: a malformed body is a 400 problem naming the field, like any other bad value.
        if (!IsoDuration.TryParse(await ReadAdvanceAsync(request, ct), out var duration))
            return Invalid("advance must be a non-negative ISO 8601 duration such as P90D, P2W or PT36H.");

        if (clock is not DevClock devClock)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The app clock cannot be advanced",
                detail: "The app's TimeProvider is not the Development clock (it was replaced, e.g. by a test).").Secured();
        }

        var now = devClock.GetUtcNow();
        if (!duration.TryAddTo(now, out var then))
            return Invalid("advance goes past the end of the calendar.");
        return TypedResults.Ok(new ClockResponse(devClock.Advance(then - now))).Secured();
    }

    private static async Task<string?> ReadAdvanceAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return null;
            // Property names match case-insensitively, as the rest of the API's JSON binding does.
            var advance = json.RootElement.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "advance", StringComparison.OrdinalIgnoreCase));
            return advance.Value.ValueKind == JsonValueKind.String ? advance.Value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["advance"] = [message] }, title: "The clock was not moved.").Secured();
}

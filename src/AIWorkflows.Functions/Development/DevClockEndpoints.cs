using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AIWorkflows.App.Development;

/// <summary>The clock's answer: the app's now, ISO 8601 with offset.</summary>
public sealed record ClockResponse(DateTimeOffset Now);

/// <summary><c>GET/POST /api/dev/clock</c>: read and advance the Development clock.</summary>
public static class DevClockEndpoints
{
    public static RouteGroupBuilder MapDevClock(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/dev/clock").DevelopmentOnly().WithTags("Development");
        group.MapGet("/", GetNow);
        group.MapPost("/", AdvanceAsync);
        return group;
    }

    public static Ok<ClockResponse> GetNow([FromServices] TimeProvider clock) =>
        TypedResults.Ok(new ClockResponse(clock.GetUtcNow()));

    /// <summary>Body <c>{"advance":"P90D"}</c>; answers the new now.</summary>
    public static async Task<Results<Ok<ClockResponse>, ValidationProblem, ProblemHttpResult>> AdvanceAsync(
        HttpRequest request, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Read the body ourselves: a malformed body must be a 400 problem naming the field,
        // not the framework's bare 400 from failed binding.
        var text = await ReadAdvanceAsync(request, ct);
        if (!IsoDuration.TryParse(text, out var duration))
            return Invalid("advance must be a non-negative ISO 8601 duration such as P90D, P2W or PT36H.");

        if (clock is not DevClock devClock)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The app clock cannot be advanced",
                detail: "The app's TimeProvider is not the Development clock (it was replaced, e.g. by a test).");
        }

        var now = devClock.GetUtcNow();
        if (!duration.TryAddTo(now, out var then))
            return Invalid("advance goes past the end of the calendar.");

        return TypedResults.Ok(new ClockResponse(devClock.Advance(then - now)));
    }

    private static async Task<string?> ReadAdvanceAsync(HttpRequest request, CancellationToken ct)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && TryGetProperty(json.RootElement, "advance", out var advance)
                && advance.ValueKind == JsonValueKind.String
                    ? advance.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null; // not JSON at all: reported as an invalid 'advance' like any other bad value
        }
    }

    // Property names match case-insensitively, as the rest of the API's JSON binding does.
    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { ["advance"] = [message] },
            title: "The clock was not moved.");
}

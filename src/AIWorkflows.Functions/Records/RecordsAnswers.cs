using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AIWorkflows.App.Web;

namespace AIWorkflows.App.Records;

/// <summary>
/// How the records API answers: JSON, its problems as problem+json with the fields named, each with the security
/// headers (<see cref="SecuredResults.Secured"/>: no middleware sets them in Azure); and how it reads dates.
/// </summary>
public static class RecordsAnswers
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IResult Ok<T>(T value) => TypedResults.Ok(value).Secured();

    public static IResult Answer<T, TOut>(RecordResult<T> result, Func<T, TOut> view)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(view);
        return result.Problem is { } p ? Problem(p) : Ok(view(result.Value!));
    }

    public static IResult Problem(RecordProblem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return TypedResults.Problem(statusCode: p.Status, title: p.Title, detail: p.Detail,
            extensions: p.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = p.Errors }).Secured();
    }

    public static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has errors").Secured();

    /// <summary>A JSON body of <typeparamref name="T"/>, or its problem (bad JSON, an unknown field, too large) answered.</summary>
    public static async Task<IResult> WithBodyAsync<T>(HttpRequest request, Func<T, Task<IResult>> act, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(act);
        var body = await JsonBody.ReadAsync<T>(request, Json, ct);
        return body.Problem is { } p ? p.Secured() : await act(body.Value!);
    }

    public static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>A date alone means the start of that day (UTC), or its end for the end of a range.</summary>
    public static bool TryDate(string? text, bool endOfDay, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            value = endOfDay ? start.AddDays(1).AddTicks(-1) : start;
            return true;
        }
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            value = at;
            return true;
        }
        return false;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AIWorkflows.App.Web;
using AIWorkflows.Storage.Records;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIWorkflows.App.Records;

/// <summary>
/// The records officer's API. Every route requires the records_officer role; a refusal is itself written
/// to the access log before the 401/403. GETs change no record: the one write they make is the access
/// log entry, which is the point of audited retrieval.
/// </summary>
public static class RecordsEndpoints
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static RouteGroupBuilder MapRecords(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/records").WithTags("Records").AddEndpointFilter(RecordsOfficerOnlyAsync);
        api.MapGet("", SearchAsync);
        api.MapGet("/reviews", ReviewsAsync);
        api.MapGet("/access-log", AccessLogAsync);
        api.MapPost("/export", ExportAsync);
        api.MapGet("/tools/{toolId}/holds", ToolHoldsAsync);
        api.MapPost("/tools/{toolId}/holds", PlaceToolHoldAsync);
        api.MapPost("/tools/{toolId}/holds/{holdId}/release", ReleaseToolHoldAsync);
        api.MapGet("/{id}", GetAsync);
        api.MapGet("/{id}/content", ContentAsync);
        api.MapPost("/{id}/holds", PlaceHoldAsync);
        api.MapPost("/{id}/holds/{holdId}/release", ReleaseHoldAsync);
        api.MapPost("/{id}/disposition", DispositionAsync);
        return api;
    }

    /// <summary>Records are for records officers: anyone else is refused, and the refusal is logged with who and what.</summary>
    public static async ValueTask<object?> RecordsOfficerOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var actor = RecordActor.From(http);
        if (actor.IsRecordsOfficer) return await next(context);
        await http.RequestServices.GetRequiredService<RecordsService>()
            .DenyAsync(actor, $"{http.Request.Method} {http.Request.Path}", http.GetRouteValue("id") as string, http.RequestAborted);
        return actor.IsSignedIn
            ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Records officers only",
                detail: "Searching and retrieving records needs the records officer role. This attempt is recorded in the access log.")
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required",
                detail: "Sign in with a records officer account. This attempt is recorded in the access log.");
    }

    public static async Task<Results<Ok<IReadOnlyList<RecordView>>, ProblemHttpResult, ValidationProblem>> SearchAsync(
        HttpContext http, RecordsService service, string? toolId, string? recordClass, string? department, string? from, string? to, string? q, string? status,
        CancellationToken ct)
    {
        if (!TryDate(from, endOfDay: false, out var f)) return Invalid("from", "Give the start date as YYYY-MM-DD or an ISO 8601 time.");
        if (!TryDate(to, endOfDay: true, out var t)) return Invalid("to", "Give the end date as YYYY-MM-DD or an ISO 8601 time.");
        var result = await service.SearchAsync(RecordActor.From(http), new RecordQuery(Blank(toolId), Blank(recordClass), Blank(department), f, t, Blank(q), Blank(status)), ct);
        return result.Problem is { } p ? Problem(p) : TypedResults.Ok<IReadOnlyList<RecordView>>([.. result.Value!.Select(RecordView.From)]);
    }

    public static async Task<Ok<IReadOnlyList<RecordView>>> ReviewsAsync(HttpContext http, RecordsService service, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<RecordView>>([.. (await service.ReviewsAsync(RecordActor.From(http), ct)).Select(RecordView.From)]);

    public static async Task<Results<Ok<IReadOnlyList<AccessLogEntry>>, ProblemHttpResult, ValidationProblem>> AccessLogAsync(
        HttpContext http, RecordsService service, string? from, string? to, string? recordId, int? take, CancellationToken ct)
    {
        if (!TryDate(from, endOfDay: false, out var f)) return Invalid("from", "Give the start date as YYYY-MM-DD or an ISO 8601 time.");
        if (!TryDate(to, endOfDay: true, out var t)) return Invalid("to", "Give the end date as YYYY-MM-DD or an ISO 8601 time.");
        return TypedResults.Ok(await service.AccessLogAsync(RecordActor.From(http), f, t, recordId, take ?? 200, ct));
    }

    public static async Task<Results<Ok<RecordDetailsView>, ProblemHttpResult, ValidationProblem>> GetAsync(string id, HttpContext http, RecordsService service, CancellationToken ct)
    {
        var result = await service.GetAsync(RecordActor.From(http), id, ct);
        return result.Problem is { } p ? Problem(p) : TypedResults.Ok(RecordDetailsView.From(result.Value!));
    }

    /// <summary>The bytes, only once verified; the SHA-256 travels in Repr-Digest (RFC 9530) and X-Record-Sha256.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ContentAsync(
        string id, string? format, HttpContext http, RecordsService service, CancellationToken ct)
    {
        var result = await service.DownloadAsync(RecordActor.From(http), id, format, ct);
        if (result.Problem is { } p) return Problem(p);
        var file = result.Value!;
        http.Response.Headers["X-Record-Sha256"] = file.Sha256;
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    public sealed record ReasonInput(string? Reason);

    public sealed record DispositionInput(string? Decision, string? Reason, string? Until);

    public sealed record ExportInput(IReadOnlyList<string>? RecordIds, string? Reference);

    public static Task<Results<Ok<RecordView>, ProblemHttpResult, ValidationProblem>> PlaceHoldAsync(string id, HttpContext http, RecordsService service, CancellationToken ct) =>
        WithBodyAsync<ReasonInput, RecordView>(http, async b => Map(await service.PlaceHoldAsync(RecordActor.From(http), id, b.Reason, ct), RecordView.From), ct);

    public static Task<Results<Ok<RecordView>, ProblemHttpResult, ValidationProblem>> ReleaseHoldAsync(
        string id, string holdId, HttpContext http, RecordsService service, CancellationToken ct) =>
        WithBodyAsync<ReasonInput, RecordView>(http, async b => Map(await service.ReleaseHoldAsync(RecordActor.From(http), id, holdId, b.Reason, ct), RecordView.From), ct);

    public static async Task<Results<Ok<ToolRecordFacts>, ValidationProblem>> ToolHoldsAsync(string toolId, RecordsService service, CancellationToken ct) =>
        RecordsService.IsToolKey(toolId) ? TypedResults.Ok(await service.ToolAsync(toolId, ct)) : Invalid("toolId", RecordsService.ToolIdHint);

    public static Task<Results<Ok<ToolHoldResult>, ProblemHttpResult, ValidationProblem>> PlaceToolHoldAsync(
        string toolId, HttpContext http, RecordsService service, CancellationToken ct) =>
        WithBodyAsync<ReasonInput, ToolHoldResult>(http, async b => Map(await service.PlaceToolHoldAsync(RecordActor.From(http), toolId, b.Reason, ct), x => x), ct);

    public static Task<Results<Ok<ToolHoldResult>, ProblemHttpResult, ValidationProblem>> ReleaseToolHoldAsync(
        string toolId, string holdId, HttpContext http, RecordsService service, CancellationToken ct) =>
        WithBodyAsync<ReasonInput, ToolHoldResult>(http, async b => Map(await service.ReleaseToolHoldAsync(RecordActor.From(http), toolId, holdId, b.Reason, ct), x => x), ct);

    public static Task<Results<Ok<RecordView>, ProblemHttpResult, ValidationProblem>> DispositionAsync(string id, HttpContext http, RecordsService service, CancellationToken ct) =>
        WithBodyAsync<DispositionInput, RecordView>(http, async b =>
        {
            if (!TryDate(b.Until, endOfDay: false, out var until)) return Invalid("until", "Give the date as YYYY-MM-DD or an ISO 8601 time.");
            return Map(await service.DecideDispositionAsync(RecordActor.From(http), id, b.Decision, b.Reason, until, ct), RecordView.From);
        }, ct);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> ExportAsync(HttpContext http, RecordsService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ExportInput>(http.Request, Json, ct);
        if (body.Problem is { } bad) return bad;
        var result = await service.ExportAsync(RecordActor.From(http), body.Value!.RecordIds, body.Value.Reference, ct);
        if (result.Problem is { } p) return Problem(p);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(result.Value!.Zip, "application/zip", result.Value.FileName);
    }

    private static async Task<Results<Ok<TOut>, ProblemHttpResult, ValidationProblem>> WithBodyAsync<TIn, TOut>(
        HttpContext http, Func<TIn, Task<Results<Ok<TOut>, ProblemHttpResult, ValidationProblem>>> act, CancellationToken ct) where TIn : class
    {
        var body = await JsonBody.ReadAsync<TIn>(http.Request, Json, ct);
        return body.Problem is { } p ? p : await act(body.Value!);
    }

    private static Results<Ok<TOut>, ProblemHttpResult, ValidationProblem> Map<T, TOut>(RecordResult<T> r, Func<T, TOut> view) =>
        r.Problem is { } p ? Problem(p) : TypedResults.Ok(view(r.Value!));

    private static ProblemHttpResult Problem(RecordProblem p) => TypedResults.Problem(statusCode: p.Status, title: p.Title, detail: p.Detail,
        extensions: p.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = p.Errors });

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has errors");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

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

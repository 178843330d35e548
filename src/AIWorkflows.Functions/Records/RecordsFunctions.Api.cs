using System.Globalization;
using AIWorkflows.App.Web;
using AIWorkflows.Storage.Records;
using Microsoft.Azure.Functions.Worker;
using static AIWorkflows.App.Records.RecordsAnswers;

namespace AIWorkflows.App.Records;

/// <summary>The records API's reads (DESIGN §5): search, reviews due, the access log, a record, its content, an export.</summary>
public sealed partial class RecordsFunctions
{
    private const string FromHint = "Give the start date as YYYY-MM-DD or an ISO 8601 time.";
    private const string ToHint = "Give the end date as YYYY-MM-DD or an ISO 8601 time.";

    public sealed record ExportInput(IReadOnlyList<string>? RecordIds, string? Reference);

    [Function("RecordsApiSearch")]
    public async Task<IResult> ApiSearch([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/records")] HttpRequest request, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, null, ct);
        if (refused is not null) return refused;
        var q = request.Query;
        if (!TryDate(q["from"], endOfDay: false, out var from)) return Invalid("from", FromHint);
        if (!TryDate(q["to"], endOfDay: true, out var to)) return Invalid("to", ToHint);
        var query = new RecordQuery(Blank(q["toolId"]), Blank(q["recordClass"]), Blank(q["department"]), from, to, Blank(q["q"]), Blank(q["status"]));
        return Answer(await service.SearchAsync(actor, query, ct), found => found.Select(RecordView.From).ToList());
    }

    [Function("RecordsApiReviews")]
    public async Task<IResult> ApiReviews([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/records/reviews")] HttpRequest request, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, null, ct);
        if (refused is not null) return refused;
        return Ok<IReadOnlyList<RecordView>>([.. (await service.ReviewsAsync(actor, ct)).Select(RecordView.From)]);
    }

    [Function("RecordsApiAccessLog")]
    public async Task<IResult> ApiAccessLog([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/records/access-log")] HttpRequest request, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, null, ct);
        if (refused is not null) return refused;
        var q = request.Query;
        if (!TryDate(q["from"], endOfDay: false, out var from)) return Invalid("from", FromHint);
        if (!TryDate(q["to"], endOfDay: true, out var to)) return Invalid("to", ToHint);
        var take = 200;
        if (Blank(q["take"]) is { } text && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out take))
            return Invalid("take", "Give take as a whole number.");
        return Ok(await service.AccessLogAsync(actor, from, to, q["recordId"], take, ct));
    }

    [Function("RecordsApiRecord")]
    public async Task<IResult> ApiRecord([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/records/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, id, ct);
        if (refused is not null) return refused;
        return Answer(await service.GetAsync(actor, id, ct), RecordDetailsView.From);
    }

    /// <summary>The bytes, only once verified; the SHA-256 travels in Repr-Digest (RFC 9530) and X-Record-Sha256.</summary>
    [Function("RecordsApiContent")]
    public async Task<IResult> ApiContent([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/records/{id}/content")] HttpRequest request, string id, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, id, ct);
        if (refused is not null) return refused;
        var result = await service.DownloadAsync(actor, id, request.Query["format"], ct);
        if (result.Problem is { } p) return Problem(p);
        var file = result.Value!;
        var headers = request.HttpContext.Response.Headers;
        headers["X-Record-Sha256"] = file.Sha256;
        headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(file.Sha256))}:";
        headers.CacheControl = "no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName).Secured();
    }

    /// <summary>One zip for a public-records request: the chosen records' files and a manifest of their hashes.</summary>
    [Function("RecordsApiExport")]
    public async Task<IResult> ApiExport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/records/export")] HttpRequest request, CancellationToken ct)
    {
        var (actor, refused) = await ApiGateAsync(request, null, ct);
        if (refused is not null) return refused;
        return await WithBodyAsync<ExportInput>(request, async body =>
        {
            var result = await service.ExportAsync(actor, body.RecordIds, body.Reference, ct);
            if (result.Problem is { } p) return Problem(p);
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(result.Value!.Zip, "application/zip", result.Value.FileName).Secured();
        }, ct);
    }
}

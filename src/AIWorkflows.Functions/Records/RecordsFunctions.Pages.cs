using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.Records.Pages;
using AIWorkflows.App.Web;
using AIWorkflows.Storage.Records;
using Microsoft.Azure.Functions.Worker;
using static AIWorkflows.App.Records.RecordsAnswers;

namespace AIWorkflows.App.Records;

/// <summary>
/// The records officer's pages: <c>/records</c> (search by tool, department, class, dates and title text; export the
/// records chosen; hold a whole tool), the disposition reviews due and the access log.
/// </summary>
public sealed partial class RecordsFunctions
{
    private const string ExportForm = "Export";
    private const string ToolHoldForm = "ToolHold";

    [Function("RecordsPage")]
    public async Task<IResult> SearchPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "records")] HttpRequest request, CancellationToken ct)
    {
        var (actor, refused) = await PageGateAsync(request, null, ct);
        if (refused is not null) return refused;
        var query = SearchView.Fields.ToDictionary(f => f, f => (string?)request.Query[f].ToString());
        if (!request.Query.ContainsKey("search")) return Search(query, null);
        if (!TryDate(query["from"], false, out var from)) return Search(query, RecordProblem.Invalid("from", "Enter the start date as YYYY-MM-DD."), SearchView.Fields);
        if (!TryDate(query["to"], true, out var to)) return Search(query, RecordProblem.Invalid("to", "Enter the end date as YYYY-MM-DD."), SearchView.Fields);
        var found = await service.SearchAsync(actor, new RecordQuery(
            Blank(query["toolId"]), Blank(query["recordClass"]), Blank(query["department"]), from, to, Blank(query["q"]), Blank(query["status"])), ct);
        if (found.Problem is { } p) return Search(query, p, SearchView.Fields);
        return Page.Render<SearchPage, SearchView>(new SearchView(pack, query, found.Value, FormErrors.None));
    }

    /// <summary>The search page's forms: an export (the zip itself, or the page with what to fix) and a hold on a whole tool.</summary>
    [Function("RecordsPageForms")]
    [PageHandler(ExportForm)]
    [PageHandler(ToolHoldForm)]
    public async Task<IResult> SearchPageForms([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "records")] HttpRequest request, CancellationToken ct)
    {
        var (actor, refused) = await PageGateAsync(request, null, ct);
        if (refused is not null) return refused;
        var posted = await PageForms.ReadAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        if (PageForms.Handler(request, ExportForm))
        {
            var export = await service.ExportAsync(actor, [.. form["recordIds"].OfType<string>()], Field(form, "reference"), ct);
            if (export.Problem is { } p) return Search(null, p, SearchView.ExportFields);
            request.HttpContext.Response.Headers.CacheControl = "no-store";
            return TypedResults.File(export.Value!.Zip, "application/zip", export.Value.FileName).Secured();
        }
        if (!PageForms.Handler(request, ToolHoldForm)) return Page.Problem(PageForms.NoSuchForm);
        var toolId = Field(form, "holdToolId")?.Trim();
        if (toolId is null || !RecordsService.IsToolKey(toolId))
            return Search(null, RecordProblem.Invalid("holdToolId", RecordsService.ToolIdHint), SearchView.ToolHoldFields);
        var held = await service.PlaceToolHoldAsync(actor, toolId, Field(form, "holdReason"), ct);
        // The service names its own fields (toolId, reason); on this form the message belongs beside the reason.
        if (held.Problem is { } problem)
            return Search(null, problem.Errors is null ? problem : problem with { Errors = new Dictionary<string, string[]> { ["holdReason"] = [problem.Detail] } },
                SearchView.ToolHoldFields);
        var h = held.Value!;
        return Page.Render<SearchPage, SearchView>(new SearchView(pack, NoQuery, null, FormErrors.None,
            $"Hold {h.HoldId} placed on all records of {h.ToolId} ({h.Records} now, and any kept later)."));
    }

    [Function("RecordsReviewsPage")]
    public async Task<IResult> ReviewsPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "records/reviews")] HttpRequest request, CancellationToken ct)
    {
        var (actor, refused) = await PageGateAsync(request, null, ct);
        if (refused is not null) return refused;
        return Page.Render<ReviewsPage, ReviewsView>(new ReviewsView(await service.ReviewsAsync(actor, ct)));
    }

    [Function("RecordsAccessLogPage")]
    public async Task<IResult> AccessLogPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "records/access-log")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var recordId = Blank(request.Query["recordId"]);
        var (actor, refused) = await PageGateAsync(request, recordId, ct);
        if (refused is not null) return refused;
        return Page.Render<AccessLogPage, AccessLogView>(new AccessLogView(await service.AccessLogAsync(actor, null, null, recordId, 500, ct), recordId));
    }

    private static readonly IReadOnlyDictionary<string, string?> NoQuery = new Dictionary<string, string?>();

    /// <summary>The search page again, with a problem: by its fields when it names them (400), otherwise as the page for it.</summary>
    private IResult Search(IReadOnlyDictionary<string, string?>? query, RecordProblem? problem, IReadOnlyList<string>? order = null)
    {
        if (problem is null) return Page.Render<SearchPage, SearchView>(new SearchView(pack, query ?? NoQuery, null, FormErrors.None));
        if (problem.Errors is null) return Page.Problem(new ProblemView(problem.Status, problem.Title, problem.Detail));
        return Page.Render<SearchPage, SearchView>(new SearchView(pack, query ?? NoQuery, null, new FormErrors(problem.Errors, order ?? [])), problem.Status);
    }

    /// <summary>A form field as model binding gave it: the first value, and null when blank.</summary>
    private static string? Field(IFormCollection form, string name) =>
        form[name] is { Count: > 0 } values && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
}

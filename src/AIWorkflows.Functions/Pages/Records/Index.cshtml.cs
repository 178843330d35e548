using AIWorkflows.App.Records;
using AIWorkflows.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace AIWorkflows.App.Pages.Records;

/// <summary><c>/records</c>: search by tool, department, class, dates and title text; export chosen records; hold a whole tool.</summary>
public sealed class IndexModel(RecordsService service) : RecordsPage(service)
{
    public static readonly IReadOnlyList<string> Fields = ["toolId", "recordClass", "department", "from", "to", "q", "status"];

    public IReadOnlyList<RecordEntry>? Results { get; private set; }

    public IReadOnlyDictionary<string, string?> Query { get; private set; } = new Dictionary<string, string?>();

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(null, ct) is { } refused) return refused;
        Query = Fields.ToDictionary(f => f, f => (string?)Request.Query[f].ToString());
        if (!Request.Query.ContainsKey("search")) return Page();
        if (!RecordsEndpoints.TryDate(Query["from"], false, out var from)) return Show(RecordProblem.Invalid("from", "Enter the start date as YYYY-MM-DD."), Fields);
        if (!RecordsEndpoints.TryDate(Query["to"], true, out var to)) return Show(RecordProblem.Invalid("to", "Enter the end date as YYYY-MM-DD."), Fields);
        var result = await Service.SearchAsync(Actor, new RecordQuery(Blank("toolId"), Blank("recordClass"), Blank("department"), from, to, Blank("q"), Blank("status")), ct);
        if (result.Problem is { } p) return Show(p, Fields);
        Results = result.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(string[]? recordIds, string? reference, CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(null, ct) is { } refused) return refused;
        var result = await Service.ExportAsync(Actor, recordIds, reference, ct);
        if (result.Problem is { } p) return Show(p, ["recordIds", "reference"]);
        Response.Headers.CacheControl = "no-store";
        return File(result.Value!.Zip, "application/zip", result.Value.FileName);
    }

    public async Task<IActionResult> OnPostToolHoldAsync(string? holdToolId, string? holdReason, CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(null, ct) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(holdToolId) || !RecordsService.IsToolKey(holdToolId.Trim()))
            return Show(RecordProblem.Invalid("holdToolId", RecordsService.ToolIdHint), ["holdToolId", "holdReason"]);
        var result = await Service.PlaceToolHoldAsync(Actor, holdToolId.Trim(), holdReason, ct);
        if (result.Problem is { } p)
            return Show(p.Errors is null ? p : p with { Errors = new Dictionary<string, string[]> { ["holdReason"] = [p.Detail] } }, ["holdToolId", "holdReason"]);
        Message = $"Hold {result.Value!.HoldId} placed on all records of {result.Value.ToolId} ({result.Value.Records} now, and any kept later).";
        return Page();
    }

    private string? Blank(string field) => string.IsNullOrWhiteSpace(Query[field]) ? null : Query[field]!.Trim();
}

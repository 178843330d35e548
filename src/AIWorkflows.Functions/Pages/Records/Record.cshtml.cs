using AIWorkflows.App.Records;
using AIWorkflows.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace AIWorkflows.App.Pages.Records;

/// <summary>
/// <c>/records/{id}</c>: a record's metadata, files, holds and history, with the hold and disposition
/// forms. Opening it changes no record; it writes one access log entry (audited retrieval).
/// </summary>
public sealed class RecordModel(RecordsService service) : RecordsPage(service)
{
    public static readonly IReadOnlyList<string> Fields = ["reason", "decision", "until"];

    public static readonly IReadOnlyList<ChoiceOption> Decisions = [new("dispose", "Dispose of it"), new("extend", "Keep it until a later date")];

    public RecordDetails? Details { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The form that was sent ("hold", "release-{holdId}", "disposition"): only it shows the errors.</summary>
    public string? Posted { get; private set; }

    /// <summary>Each form's reason field has its own id, so labels, error links and messages point at the right one.</summary>
    public static string ReasonId(string form) => form == "hold" ? "reason" : $"{form}-reason";

    public FormErrors ErrorsFor(string form) => Posted == form ? Errors : FormErrors.None;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(id, ct) is { } refused) return refused;
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostHoldAsync(string id, string? reason, CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(id, ct) is { } refused) return refused;
        Posted = "hold";
        return await AfterAsync(id, await Service.PlaceHoldAsync(Actor, id, reason, ct), "Legal hold placed.", ct);
    }

    public async Task<IActionResult> OnPostReleaseAsync(string id, string? holdId, string? reason, CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(id, ct) is { } refused) return refused;
        Posted = $"release-{holdId}";
        return await AfterAsync(id, await Service.ReleaseHoldAsync(Actor, id, holdId ?? "", reason, ct), "Legal hold released.", ct);
    }

    public async Task<IActionResult> OnPostDispositionAsync(string id, string? decision, string? reason, string? until, CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(id, ct) is { } refused) return refused;
        Posted = "disposition";
        if (!RecordsEndpoints.TryDate(until, false, out var date))
            return await AfterAsync<RecordEntry>(id, RecordProblem.Invalid("until", "Enter the date as YYYY-MM-DD."), "", ct);
        return await AfterAsync(id, await Service.DecideDispositionAsync(Actor, id, decision, reason, date, ct),
            decision == "dispose" ? "The record is disposed of; its certificate is kept." : "Retention extended.", ct);
    }

    private async Task<IActionResult> AfterAsync<T>(string id, RecordResult<T> result, string done, CancellationToken ct)
    {
        if (result.Problem is { Errors: not null } invalid)
        {
            Errors = new FormErrors(invalid.Errors, Fields, Target);
            Response.StatusCode = invalid.Status;
            return await ShowAsync(id, ct, keepStatus: true);
        }
        if (result.Problem is { } p)
        {
            Errors = new FormErrors(new Dictionary<string, string[]> { ["form"] = [$"{p.Title}. {p.Detail}"] }, Fields, Target);
            Response.StatusCode = p.Status;
            return await ShowAsync(id, ct, keepStatus: true);
        }
        Message = done;
        return await ShowAsync(id, ct);
    }

    private string Target(string field) => field switch
    {
        "reason" when Posted is not null => ReasonId(Posted),
        "decision" => ChoiceField.FirstInputId("decision", Decisions),
        _ => FormErrors.IdOf(field),
    };

    private async Task<IActionResult> ShowAsync(string id, CancellationToken ct, bool keepStatus = false)
    {
        var status = Response.StatusCode;
        var result = await Service.GetAsync(Actor, id, ct);
        if (result.Problem is { } p) return Show(new ProblemView(p.Status, "Record not found", p.Detail));
        Details = result.Value;
        if (keepStatus) Response.StatusCode = status;
        return Page();
    }
}

using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.Records.Pages;
using AIWorkflows.Storage.Records;
using Microsoft.Azure.Functions.Worker;
using static AIWorkflows.App.Records.RecordsAnswers;

namespace AIWorkflows.App.Records;

/// <summary>
/// <c>/records/{id}</c>: a record's metadata, files, holds and history, with the hold, release and disposition forms.
/// Opening it changes no record; it writes one access log entry (audited retrieval), as each form's answer does.
/// </summary>
public sealed partial class RecordsFunctions
{
    private const string HoldForm = "Hold";
    private const string ReleaseForm = "Release";
    private const string DispositionForm = "Disposition";

    [Function("RecordPage")]
    public async Task<IResult> RecordPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "records/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        var (actor, refused) = await PageGateAsync(request, id, ct);
        if (refused is not null) return refused;
        return await ShowAsync(actor, id, FormErrors.None, null, null, StatusCodes.Status200OK, ct);
    }

    /// <summary>The record page's forms; each answers with the page again, saying what was done or what to fix beside the form sent.</summary>
    [Function("RecordPageForms")]
    [PageHandler(HoldForm)]
    [PageHandler(ReleaseForm)]
    [PageHandler(DispositionForm)]
    public async Task<IResult> RecordPageForms([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "records/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        var (actor, refused) = await PageGateAsync(request, id, ct);
        if (refused is not null) return refused;
        var posted = await PageForms.ReadAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var reason = Field(form, "reason");
        if (PageForms.Handler(request, HoldForm))
            return await AfterAsync(actor, id, "hold", await service.PlaceHoldAsync(actor, id, reason, ct), "Legal hold placed.", ct);
        if (PageForms.Handler(request, ReleaseForm))
        {
            var holdId = Field(form, "holdId");
            return await AfterAsync(actor, id, $"release-{holdId}", await service.ReleaseHoldAsync(actor, id, holdId ?? "", reason, ct), "Legal hold released.", ct);
        }
        if (!PageForms.Handler(request, DispositionForm)) return Page.Problem(PageForms.NoSuchForm);
        var decision = Field(form, "decision");
        if (!TryDate(Field(form, "until"), false, out var until))
            return await AfterAsync<RecordEntry>(actor, id, "disposition", RecordProblem.Invalid("until", "Enter the date as YYYY-MM-DD."), "", ct);
        return await AfterAsync(actor, id, "disposition", await service.DecideDispositionAsync(actor, id, decision, reason, until, ct),
            decision == "dispose" ? "The record is disposed of; its certificate is kept." : "Retention extended.", ct);
    }

    private Task<IResult> AfterAsync<T>(RecordActor actor, string id, string posted, RecordResult<T> result, string done, CancellationToken ct) =>
        result.Problem is { } p
            ? ShowAsync(actor, id, RecordPageView.ErrorsOf(p, posted), posted, null, p.Status, ct)
            : ShowAsync(actor, id, FormErrors.None, posted, done, StatusCodes.Status200OK, ct);

    private async Task<IResult> ShowAsync(RecordActor actor, string id, FormErrors errors, string? posted, string? message, int status, CancellationToken ct)
    {
        var found = await service.GetAsync(actor, id, ct);
        if (found.Problem is { } p) return Page.Problem(new ProblemView(p.Status, "Record not found", p.Detail));
        return Page.Render<RecordPage, RecordPageView>(new RecordPageView(found.Value!, errors, posted, message), status);
    }
}

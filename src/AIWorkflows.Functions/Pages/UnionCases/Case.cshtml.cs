using AIWorkflows.App.Web;
using AIWorkflows.App.Identity;
using AIWorkflows.App.UnionNotices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;
using static AIWorkflows.App.UnionNotices.UnionNoticeService;

namespace AIWorkflows.App.Pages.UnionCases;

/// <summary>
/// <c>/union-cases/{noticeId}</c>: labor relations' view of a notice (Sacramento VI.A.7): each
/// organization's answer and deadlines, meetings with their minutes, and the conclusion of each case.
/// </summary>
[Authorize(Roles = Roles.LaborRelations)]
[RequestSizeLimit(UploadedFile.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFile.MaxRequestBytes)]
public sealed class CaseModel(UnionNoticeService service, DurableTaskClient client) : PageModel
{
    public UnionNoticeView? Notice { get; private set; }

    public ProblemView? Problem { get; private set; }

    public string? Message { get; private set; }

    public FormErrors MeetingErrors { get; private set; } = FormErrors.None;

    public FormErrors ConclusionErrors { get; private set; } = FormErrors.None;

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> MeetingOrder { get; } = ["meetingOrganization", "date", "attendees", "minutes"];

    public static IReadOnlyList<string> ConclusionOrder { get; } = ["conclusionOrganization", "outcome", "summary"];

    public static IReadOnlyList<ChoiceOption> Outcomes { get; } =
    [
        new("agreement", "Agreement", "The parties agreed on the impacts (record the terms in the summary)."),
        new("impasse", "Impasse", "The parties met in good faith and could not agree; needs at least one meeting logged."),
    ];

    public IReadOnlyList<ChoiceOption> OpenCases => Notice is null ? [] :
        [.. Notice.Organizations.Where(o => o.Case is { ConcludedAt: null }).Select(o => new ChoiceOption(o.Id, o.Name))];

    public async Task<IActionResult> OnGetAsync(string noticeId, CancellationToken ct) => await ShowAsync(noticeId, ct);

    public async Task<IActionResult> OnPostMeetingAsync(string noticeId, CancellationToken ct)
    {
        if (Request.ContentLength > UploadedFile.MaxRequestBytes)
            return await FailAsync(noticeId, StatusCodes.Status413PayloadTooLarge, e => MeetingErrors = e, MeetingOrder,
                new() { ["minutes"] = [$"The minutes file must be at most {UploadedFile.MaxBytes / (1024 * 1024)} MB."] }, ct);
        var form = await Request.ReadFormAsync(ct);
        foreach (var key in MeetingOrder) Values[key] = form[key].FirstOrDefault();
        var minutes = await UploadedFile.ReadAsync(form.Files.GetFile("minutes"), ct);
        var input = new MeetingInput(Values["meetingOrganization"], Values["date"], Values["attendees"], minutes);
        var result = await service.LogMeetingAsync(client, noticeId, input, By, ct);
        return await AfterAsync(noticeId, result, e => MeetingErrors = e, MeetingOrder, "meetingOrganization", ct);
    }

    public async Task<IActionResult> OnPostConcludeAsync(string noticeId, CancellationToken ct)
    {
        foreach (var key in ConclusionOrder) Values[key] = Request.Form[key].FirstOrDefault();
        var input = new ConclusionInput(Values["conclusionOrganization"], Values["outcome"], Values["summary"]);
        var result = await service.ConcludeAsync(client, noticeId, input, By, ct);
        return await AfterAsync(noticeId, result, e => ConclusionErrors = e, ConclusionOrder, "conclusionOrganization", ct);
    }

    private string By => User.Email() ?? "labor relations";

    private async Task<IActionResult> AfterAsync(
        string noticeId, CaseResult result, Action<FormErrors> setErrors, IReadOnlyList<string> order, string organizationField, CancellationToken ct)
    {
        switch (result)
        {
            case CaseResult.Done done:
                Notice = done.Notice;
                Message = done.Message;
                Values.Clear();
                return Page();
            case CaseResult.Invalid invalid:
                var errors = invalid.Errors.ToDictionary(e => e.Key == "organizationId" ? organizationField : e.Key, e => e.Value, StringComparer.Ordinal);
                return await FailAsync(noticeId, StatusCodes.Status400BadRequest, setErrors, order, errors, ct);
            default:
                return await ShowAsync(noticeId, ct);
        }
    }

    private async Task<IActionResult> FailAsync(
        string noticeId, int status, Action<FormErrors> setErrors, IReadOnlyList<string> order, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        setErrors(new FormErrors(errors, order, f => f switch
        {
            "outcome" => ChoiceField.FirstInputId(f, Outcomes),
            "meetingOrganization" or "conclusionOrganization" => ChoiceField.FirstInputId(f, OpenCases),
            _ => f,
        }));
        var page = await ShowAsync(noticeId, ct);
        if (Problem is null) Response.StatusCode = status;
        return page;
    }

    private async Task<IActionResult> ShowAsync(string noticeId, CancellationToken ct)
    {
        Notice = await service.ViewAsync(noticeId, ct);
        if (Notice is null)
        {
            Problem = new ProblemView(StatusCodes.Status404NotFound, "Notice not found", $"There is no union notice with the id “{(noticeId.Length > 60 ? noticeId[..60] + "…" : noticeId)}”.");
            Response.StatusCode = Problem.Status;
        }
        return Page();
    }
}

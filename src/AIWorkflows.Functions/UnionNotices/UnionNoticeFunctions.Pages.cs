using AIWorkflows.App.Feedback;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.UnionNotices.Pages;
using AIWorkflows.App.Web;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static AIWorkflows.App.UnionNotices.UnionNoticeService;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// The pages, through the same service as the API: labor relations' <c>/union-cases</c> (open a notice on a registered
/// tool, classify imports whose impact is unknown) and <c>/union-cases/{noticeId}</c> (answers, meetings with their
/// minutes, conclusions), and an organization's public <c>/union-requests/new</c>. Every form is checked for antiforgery;
/// each answers with its page again, saying what was done or what to fix beside the field.
/// </summary>
public sealed partial class UnionNoticeFunctions
{
    private const string ClassifyForm = "Classify";
    private const string MeetingForm = "Meeting";
    private const string ConcludeForm = "Conclude";

    private const string LaborDetail = "Union notices and meet-and-confer cases are handled by labor relations. Sign in with a labor relations account.";

    private static readonly ProblemView LaborSignIn = new(StatusCodes.Status401Unauthorized, "Sign in to see union notices", LaborDetail);

    private static readonly ProblemView LaborForbidden = new(StatusCodes.Status403Forbidden, "Labor relations only", LaborDetail);

    private static IResult? LaborOnly(System.Security.Claims.ClaimsPrincipal user) => CityIdentity.RequirePage(user, LaborSignIn, LaborForbidden, Roles.LaborRelations);

    [Function("UnionCasesPage")]
    public async Task<IResult> CasesPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "union-cases")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (LaborOnly(await request.HttpContext.AuthenticateCityAsync()) is { } refused) return refused;
        return await CasesAsync(FormErrors.None, null, null, ct);
    }

    [Function("UnionCasesPageForms")]
    [PageHandler(ClassifyForm)]
    public async Task<IResult> CasesPageForms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "union-cases")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (LaborOnly(user) is { } refused) return refused;
        var posted = await PageForms.ReadAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        if (!PageForms.Handler(request, ClassifyForm)) return Page.Problem(PageForms.NoSuchForm);
        var input = new ClassifyInput(form["toolId"].ToString(), form["impact"].ToString(), [.. form["organizationIds"].Select(v => v ?? "")]);
        return await service.ClassifyAsync(client, input, By(user), ct) switch
        {
            ClassifyResult.Noticed n => await CasesAsync(FormErrors.None, n.Message, n.Notice.NoticeId, ct),
            ClassifyResult.Classified c => await CasesAsync(FormErrors.None, c.Message, null, ct),
            ClassifyResult.Invalid i => await CasesAsync(new FormErrors(i.Errors, UnionCasesPageView.Order), null, null, ct),
            _ => throw new InvalidOperationException("Unknown classification result."),
        };
    }

    private async Task<IResult> CasesAsync(FormErrors errors, string? message, string? noticeId, CancellationToken ct)
    {
        var view = new UnionCasesPageView(await RegisteredToolsAsync(ct), UnionCasesPageView.OrganizationsOf(pack),
            await UnclassifiedAsync(register, ct), errors, message, noticeId);
        return Page.Render<UnionCasesPage, UnionCasesPageView>(view, errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    [Function("UnionCasePage")]
    public async Task<IResult> CasePage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "union-cases/{noticeId}")] HttpRequest request, string noticeId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (LaborOnly(await request.HttpContext.AuthenticateCityAsync()) is { } refused) return refused;
        return await service.ViewAsync(noticeId, ct) is { } notice ? ShowCase(UnionCasePageView.Of(notice)) : NoSuchCase(noticeId);
    }

    /// <summary>The case page's forms: log a meeting with its minutes (a file upload), or conclude a case.</summary>
    [Function("UnionCasePageForms")]
    [PageHandler(MeetingForm)]
    [PageHandler(ConcludeForm)]
    public async Task<IResult> CasePageForms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "union-cases/{noticeId}")] HttpRequest request, string noticeId,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var user = await http.AuthenticateCityAsync();
        if (LaborOnly(user) is { } refused) return refused;
        var meeting = PageForms.Handler(request, MeetingForm);
        // Over the cap the body is not read: the page says so beside the file field.
        if (meeting && request.ContentLength > UploadedFile.MaxRequestBytes)
            return await CaseFailedAsync(noticeId, StatusCodes.Status413PayloadTooLarge, new Dictionary<string, string?>(),
                new() { ["minutes"] = [$"The minutes file must be at most {UploadedFile.MaxBytes / (1024 * 1024)} MB."] }, UnionCasePageView.MeetingOrder, "meetingOrganization", ct);
        var posted = await PageForms.ReadAsync(http, ct, maxBodyBytes: UploadedFile.MaxRequestBytes);
        if (posted.Form is not { } form) return posted.Refusal!;
        if (meeting)
        {
            var values = Values(form, UnionCasePageView.MeetingOrder);
            var minutes = await UploadedFile.ReadAsync(form.Files.GetFile("minutes"), ct);
            var input = new MeetingInput(values["meetingOrganization"], values["date"], values["attendees"], minutes);
            return await AfterCaseFormAsync(noticeId, await service.LogMeetingAsync(client, noticeId, input, By(user), ct), values, UnionCasePageView.MeetingOrder, "meetingOrganization", ct);
        }
        if (PageForms.Handler(request, ConcludeForm))
        {
            var values = Values(form, UnionCasePageView.ConclusionOrder);
            var input = new ConclusionInput(values["conclusionOrganization"], values["outcome"], values["summary"]);
            return await AfterCaseFormAsync(noticeId, await service.ConcludeAsync(client, noticeId, input, By(user), ct), values, UnionCasePageView.ConclusionOrder, "conclusionOrganization", ct);
        }
        return Page.Problem(PageForms.NoSuchForm);
    }

    /// <summary>What a case form did: done (the notice as it now stands, with the message), or the form again with its errors.</summary>
    private async Task<IResult> AfterCaseFormAsync(
        string noticeId, CaseResult result, Dictionary<string, string?> values, IReadOnlyList<string> order, string organizationField, CancellationToken ct) =>
        result switch
        {
            CaseResult.Done done => ShowCase(UnionCasePageView.Of(done.Notice, done.Message)),
            CaseResult.Invalid invalid => await CaseFailedAsync(noticeId, StatusCodes.Status400BadRequest, values, invalid.Errors, order, organizationField, ct),
            _ => await service.ViewAsync(noticeId, ct) is { } notice ? ShowCase(UnionCasePageView.Of(notice)) : NoSuchCase(noticeId),
        };

    private async Task<IResult> CaseFailedAsync(
        string noticeId, int status, Dictionary<string, string?> values, Dictionary<string, string[]> errors, IReadOnlyList<string> order, string organizationField, CancellationToken ct)
    {
        if (await service.ViewAsync(noticeId, ct) is not { } notice) return NoSuchCase(noticeId);
        var formErrors = UnionCasePageView.ErrorsOf(notice, errors, order, organizationField);
        var view = UnionCasePageView.Of(notice) with { Values = values };
        view = organizationField == "meetingOrganization" ? view with { MeetingErrors = formErrors } : view with { ConclusionErrors = formErrors };
        return ShowCase(view, status);
    }

    private static Dictionary<string, string?> Values(IFormCollection form, IReadOnlyList<string> order) =>
        order.ToDictionary(key => key, key => form[key].FirstOrDefault(), StringComparer.Ordinal);

    private static PageResult<UnionCasePage, UnionCasePageView> ShowCase(UnionCasePageView view, int status = StatusCodes.Status200OK) =>
        Page.Render<UnionCasePage, UnionCasePageView>(view, status);

    private static PageResult<ProblemPage, ProblemView> NoSuchCase(string noticeId) => Page.Problem(new ProblemView(StatusCodes.Status404NotFound, "Notice not found",
        $"There is no union notice with the id “{(noticeId.Length > 60 ? noticeId[..60] + "…" : noticeId)}”."));

    // Sacramento VI.A.7: a recognized employee organization asks to meet and confer on a registered tool, with or
    // without a prior notice. No sign-in: the request only opens a case that labor relations handles.
    [Function("UnionRequestsNewPage")]
    public async Task<IResult> NewRequestPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "union-requests/new")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The form's antiforgery token is bound to whoever will post it (signed in or not).
        await request.HttpContext.AuthenticateCityAsync();
        var tools = await RegisteredToolsAsync(ct);
        var tool = request.Query["tool"].ToString();
        var form = new RequestInput(tools.Any(t => t.ToolId == tool) ? tool : null, null, null, null);
        return ShowRequest(new UnionRequestPageView(tools, UnionCasesPageView.OrganizationsOf(pack), form, FormErrors.None));
    }

    [Function("UnionRequestsNewPageForm")]
    public async Task<IResult> NewRequestPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "union-requests/new")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        await http.AuthenticateCityAsync();
        var posted = await PageForms.ReadAsync(http, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var input = new RequestInput(Field("toolId"), Field("organizationId"), Field("email"), Field("impact"));
        var organizations = UnionCasesPageView.OrganizationsOf(pack);
        var view = new UnionRequestPageView(await RegisteredToolsAsync(ct), organizations, input, FormErrors.None);
        // Open to anyone: the public feedback form's per-address limit applies.
        if (limit.Refuse(http) is { } seconds)
        {
            FeedbackRateLimit.SetHeaders(http.Response, seconds);
            return ShowRequest(view with { TooMany = FeedbackRateLimit.Detail(seconds) });
        }
        return await service.RequestOnToolAsync(client, input, ct) switch
        {
            CaseResult.Done d => ShowRequest(view with { Done = d.Message }),
            CaseResult.Invalid i => ShowRequest(view with { Errors = UnionRequestPageView.ErrorsOf(i.Errors, organizations) }),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    private static PageResult<UnionRequestPage, UnionRequestPageView> ShowRequest(UnionRequestPageView view) =>
        Page.Render<UnionRequestPage, UnionRequestPageView>(view, view.Status);
}

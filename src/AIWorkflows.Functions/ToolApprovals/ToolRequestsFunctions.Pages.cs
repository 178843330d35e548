using AIWorkflows.App.Identity;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.ToolApprovals.Pages;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Domain.ToolApprovals;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static AIWorkflows.App.ToolApprovals.RequestDocumentService;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// The request pages: find a request by its id (<c>/requests</c>), send one (<c>/requests/new</c>, through the same
/// service as POST /api/requests, for signed-in staff), and its status (<c>/requests/{id}</c>), where its insiders
/// also add technical documentation (Sacramento VI.A.5).
/// </summary>
public sealed partial class ToolRequestsFunctions
{
    private const string DocumentForm = "Document";

    private static readonly ProblemView SignInToRequest = new(StatusCodes.Status401Unauthorized, "Sign in to request approval for an AI tool",
        "Requests are sent by city staff in their own name. Sign in with your city account, then open this page again.");

    [Function("ToolRequestsFindPage")]
    public async Task<IResult> FindPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "requests")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A search carries a request id in its address, as a status link does; "?id=" is still a search that needs an answer.
        if (!request.Query.ContainsKey("id")) return Page.Render<FindRequestPage, FindRequestView>(new(null, FormErrors.None, Searched: false));
        LinkPageHeaders.Apply(request.HttpContext.Response);
        var id = request.Query["id"].ToString();
        var trimmed = id.Trim().ToLowerInvariant();
        if (trimmed.Length == 0) return NotFound(id, StatusCodes.Status400BadRequest, "Enter the request id from your confirmation email.");
        if (!ToolApprovalService.IsRequestId(trimmed))
            return NotFound(id, StatusCodes.Status400BadRequest, "Enter a request id like req-0123456789abcdef: “req-” and 16 letters a to f or digits.");
        if (await service.GetAsync(trimmed, ct) is null)
            return NotFound(id, StatusCodes.Status404NotFound, "There is no request with this id. Check it against your confirmation email.");
        return new SeeOtherRedirect($"/requests/{Uri.EscapeDataString(trimmed)}");
    }

    private static PageResult<FindRequestPage, FindRequestView> NotFound(string id, int status, string message) => Page.Render<FindRequestPage, FindRequestView>(
        new(id, new FormErrors(new Dictionary<string, string[]> { ["id"] = [message] }, ["id"]), Searched: true), status);

    [Function("ToolRequestsNewPage")]
    public async Task<IResult> NewPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "requests/new")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (!user.IsSignedIn() || user.Email() is not { } me) return SignInRequired();
        var form = new NewRequestForm { FormKey = NewKey(), RequesterEmail = me };
        // Anything but a pilot in the register opens the ordinary empty form: the link is a convenience.
        if (request.Query["pilot"].FirstOrDefault() is { } pilot
            && await tools.GetAsync(pilot.Trim(), false, ct) is { State: ToolLifecycle.InService { Profile.Stage: "pilot" } s })
            return ShowNew(new NewRequestView(NewRequestForm.FromPilot(s.Profile, form.FormKey), FormErrors.None, me, PilotName: s.Profile.Name));
        return ShowNew(new NewRequestView(form, FormErrors.None, me));
    }

    [Function("ToolRequestsNewPageForm")]
    public async Task<IResult> NewPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "requests/new")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var user = await http.AuthenticateCityAsync();
        if (!user.IsSignedIn() || user.Email() is not { } me) return SignInRequired();
        var posted = await PageForms.ReadAsync(http, ct);
        if (posted.Form is not { } fields) return posted.Refusal!;
        var form = NewRequestForm.Read(fields, pack);
        // The hidden per-form key is the idempotency key: a double click replays the first submission instead of creating a second request.
        if (string.IsNullOrWhiteSpace(form.FormKey)) form.FormKey = NewKey();
        switch (await service.SubmitAsync(client, form.ToInput(), "form-" + form.FormKey, me, ct))
        {
            case SubmitResult.Created c:
                return new SeeOtherRedirect($"/requests/{Uri.EscapeDataString(c.Request.InstanceId)}");
            case SubmitResult.Replayed r:
                return new SeeOtherRedirect($"/requests/{Uri.EscapeDataString(r.Request.InstanceId)}");
            case SubmitResult.Invalid i:
                var errors = new FormErrors(i.Errors, NewRequestForm.Order(pack), f => NewRequestForm.Target(pack, f));
                return ShowNew(new NewRequestView(form, errors, me), StatusCodes.Status400BadRequest);
            case SubmitResult.Prohibited p:
                return ShowNew(new NewRequestView(form, FormErrors.None, me, Prohibited: p.Uses, Assumed: p.Assumed), StatusCodes.Status422UnprocessableEntity);
            default:
                // The person went back, changed answers and sent the same form again: the first request stands;
                // a fresh key lets them send these answers as a new request.
                form.FormKey = NewKey();
                return ShowNew(new NewRequestView(form, FormErrors.None, me, KeyReused: true), StatusCodes.Status409Conflict);
        }
    }

    private static PageResult<NewRequestPage, NewRequestView> SignInRequired() =>
        ShowNew(new NewRequestView(new NewRequestForm(), FormErrors.None, null, Problem: SignInToRequest), SignInToRequest.Status);

    private static PageResult<NewRequestPage, NewRequestView> ShowNew(NewRequestView view, int status = StatusCodes.Status200OK) => Page.Render<NewRequestPage, NewRequestView>(view, status);

    private static string NewKey() => Guid.NewGuid().ToString("N");

    [Function("ToolRequestsStatusPage")]
    public async Task<IResult> StatusPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "requests/{id}")] HttpRequest request, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await request.HttpContext.AuthenticateCityAsync();
        return await ShowStatusAsync(request.HttpContext, id, new RequestStatusView(null, null), StatusCodes.Status200OK, ct);
    }

    /// <summary>The documentation form; the page again says what was added, or what to fix beside the field.</summary>
    [Function("ToolRequestsStatusPageForms")]
    [PageHandler(DocumentForm)]
    public async Task<IResult> StatusPageForms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "requests/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var user = await http.AuthenticateCityAsync();
        LinkPageHeaders.Apply(http.Response);
        if (request.ContentLength > UploadedFile.MaxRequestBytes)
            return await ShowStatusAsync(http, id, Errors(new() { ["document"] = [$"The file must be at most {UploadedFile.MaxBytes / (1024 * 1024)} MB."] }),
                StatusCodes.Status413PayloadTooLarge, ct);
        var posted = await PageForms.ReadAsync(http, ct, UploadedFile.MaxRequestBytes);
        if (posted.Form is not { } form) return posted.Refusal!;
        if (!PageForms.Handler(request, DocumentForm)) return Page.Problem(PageForms.NoSuchForm);
        var title = form["title"].FirstOrDefault();
        var upload = await UploadedFile.ReadAsync(form.Files.GetFile("document"), ct);
        return await documents.AttachAsync(client, id, user, title, upload, ct) switch
        {
            Result.Attached a => await ShowStatusAsync(http, id, new RequestStatusView(null, null, Message: a.New
                ? $"{a.Document.FileName} is added to the request and kept as record {a.Document.RecordId}."
                : $"{a.Document.FileName} was already added."), StatusCodes.Status200OK, ct),
            Result.Invalid i => await ShowStatusAsync(http, id, Errors(i.Errors) with { Title = title }, StatusCodes.Status400BadRequest, ct),
            Result.Refused { Status: StatusCodes.Status409Conflict } r =>
                await ShowStatusAsync(http, id, new RequestStatusView(null, null, Title: title, Refusal: r.Detail), r.Status, ct),
            Result.Refused r => Page.Render<RequestStatusPage, RequestStatusView>(new(null, new ProblemView(r.Status, r.Title, r.Detail)), r.Status),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }

    private static RequestStatusView Errors(Dictionary<string, string[]> errors) =>
        new(null, null, DocumentErrors: new FormErrors(errors, RequestStatusView.DocumentOrder));

    /// <param name="shown">What the form's answer adds to the page (its errors, message or refusal).</param>
    private async Task<IResult> ShowStatusAsync(HttpContext http, string id, RequestStatusView shown, int status, CancellationToken ct)
    {
        // The address is the requester's link to the request: kept out of caches, search engines and Referer headers.
        LinkPageHeaders.Apply(http.Response);
        if (await service.GetAsync(id, ct) is not { State.CaseOrNull: not null } snapshot)
        {
            var problem = ProblemView.NoSuchRequest(id);
            return Page.Render<RequestStatusPage, RequestStatusView>(new(null, problem), problem.Status);
        }
        // Issue 17 §4, issue 19.2: people and their words are shown to the request's insiders only.
        var insider = RequestAudience.IsInsider(http.User, snapshot.State.CaseOrNull.Form, pack);
        var view = shown with
        {
            View = RequestView.From(snapshot, pack, union: await unions.ForRequestAsync(snapshot.State, ct), insider: insider),
            CanAddDocuments = insider && snapshot.State is ToolApproval.InReview or ToolApproval.InRemediation or ToolApproval.AwaitingUnion,
        };
        return Page.Render<RequestStatusPage, RequestStatusView>(view, status);
    }
}

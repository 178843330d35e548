using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.ToolApprovals.Pages;
using AIWorkflows.App.Tokens;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// <c>/tasks/{token}</c>: a reviewer's emailed link. GET and HEAD only read (mail scanners prefetch links, some with
/// HEAD); a POST with <c>decision</c> and <c>comments</c> acts once, then the link is spent. A reviewer who asked for
/// remediation may still escalate that finding while it is unresolved (<c>?handler=Escalate</c>, Albuquerque 4.2).
/// The signed token in the address is the capability, so the forms take no antiforgery token, as they never did:
/// a forging site cannot guess it, and other systems post the form plainly (DESIGN §5 POST /tasks/{token}).
/// </summary>
public sealed partial class ToolRequestsFunctions
{
    /// <summary>The decision form posts to the link itself, without <c>?handler=</c>.</summary>
    private const string DecisionForm = "";
    private const string EscalateForm = "Escalate";

    [Function("ToolRequestsReviewPage")]
    public async Task<IResult> ReviewPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "tasks/{token}")] HttpRequest request, string token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        LinkPageHeaders.Apply(request.HttpContext.Response);
        return Show(Review(await service.OpenAsync(token, TokenPurposes.Task, ct), token, new ReviewPageView()));
    }

    [Function("ToolRequestsReviewPageForms")]
    [PageHandler(DecisionForm)]
    [PageHandler(EscalateForm)]
    public async Task<IResult> ReviewPageForms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "tasks/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var posted = await PageForms.ReadLinkFormAsync(request.HttpContext, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        if (PageForms.Handler(request, EscalateForm))
        {
            var reason = PageForms.Field(form, "reason");
            return Show(await service.EscalateAsync(client, token, reason, ct) switch
            {
                ActResult.Done done => new ReviewPageView(Done: done, Escalated: true),
                ActResult.Invalid i => Review(i.Access, token, new(FormErrors: ReviewPageView.EscalationErrors(i.Errors), Reason: reason)),
                ActResult.Refused r => Refused(await WithRequestAsync(r.Why, token, ct)),
                _ => throw new InvalidOperationException("Unknown result."),
            });
        }
        if (!PageForms.Handler(request, DecisionForm)) return Page.Problem(PageForms.NoSuchForm);
        var (decision, comments) = (PageForms.Field(form, "decision"), PageForms.Field(form, "comments"));
        return Show(await service.DecideAsync(client, token, decision, comments, ct) switch
        {
            ActResult.Done done => new ReviewPageView(Done: done),
            // A decision sent again on a spent link is answered as spent, not with the escalation form.
            ActResult.Invalid i => Review(i.Access, token, new(FormErrors: ReviewPageView.DecisionErrors(i.Errors), Decision: decision, Comments: comments), offerEscalation: false),
            ActResult.Refused r => Refused(await WithRequestAsync(r.Why, token, ct)),
            _ => throw new InvalidOperationException("Unknown result."),
        });
    }

    private static PageResult<ReviewPage, ReviewPageView> Show(ReviewPageView view) => Page.Render<ReviewPage, ReviewPageView>(view, view.Status);

    /// <param name="sent">The form as sent and its errors, if any.</param>
    private ReviewPageView Review(LinkAccess access, string token, ReviewPageView sent, bool offerEscalation = true)
    {
        // A link spent by a request for remediation still escalates that finding while it is open (a read, no write).
        if (offerEscalation && access is LinkAccess.Refused { Request: { } request } && service.FindingToEscalate(token, request.State) is { } open)
            return sent with { View = RequestView.From(request, pack), Escalation = open };
        if (access is LinkAccess.Refused refused) return Refused(refused);
        var granted = (LinkAccess.Granted)access;
        var view = RequestView.From(granted.Request, pack);
        return sent with { View = view, MyTask = view.Reviews.FirstOrDefault(r => r.TaskId == granted.Payload.TaskId), Reviewer = granted.Payload.Subject };
    }

    private static ReviewPageView Refused(LinkAccess.Refused refused) => new(Problem: ProblemView.From(refused));

    // A refused act does not say which request it was for; a read of the link (never a write) finds it,
    // so the page can point to the request's status.
    private async Task<LinkAccess.Refused> WithRequestAsync(LinkAccess.Refused why, string token, CancellationToken ct) =>
        why.Request is null && await service.OpenAsync(token, TokenPurposes.Task, ct) is LinkAccess.Refused { Request: { } request }
            ? why with { Request = request }
            : why;
}

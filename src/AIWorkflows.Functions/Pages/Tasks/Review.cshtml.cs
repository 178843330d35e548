using Microsoft.DurableTask.Client;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Tasks;

/// <summary>
/// <c>/tasks/{token}</c>: a reviewer's emailed link. GET and HEAD only read (mail scanners prefetch
/// links); POST with the form fields <c>decision</c> and <c>comments</c> acts once, then the link is spent.
/// A reviewer who asked for remediation may still escalate that finding while it is unresolved
/// (<c>?handler=Escalate</c>, field <c>reason</c>; Albuquerque 4.2).
/// </summary>
// No antiforgery token: the signed token in the address is the capability, it cannot be guessed
// by a forging site, and other systems post this form plainly (DESIGN §5 POST /tasks/{token}).
[IgnoreAntiforgeryToken]
public sealed class ReviewModel(ToolApprovalService service, PolicyPack pack, DurableTaskClient client) : PageModel
{
    public RequestView? View { get; private set; }

    public ReviewView? MyTask { get; private set; }

    public string? Reviewer { get; private set; }

    public ProblemView? Problem { get; private set; }

    public ActResult.Done? Done { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public string? Decision { get; private set; }

    public string? Comments { get; private set; }

    public static IReadOnlyList<string> Order { get; } = ["decision", "comments"];

    /// <summary>The link's spent task has a finding its reviewer may still escalate: the page offers that instead.</summary>
    public OpenFinding? Escalation { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Done is an escalation, not a decision.</summary>
    public bool Escalated { get; private set; }

    public string? Token { get; private set; }

    public static IReadOnlyList<ChoiceOption> Decisions { get; } =
    [
        new("approve", "Approve", "The tool can be used as described."),
        new("approve_with_conditions", "Approve with conditions", "It can be used if the conditions you write in the comments are met."),
        new("request_remediation", "Request remediation", "Send it back to the requester with what must change; review continues after they resubmit."),
        new("reject", "Reject", "The tool must not be used for this purpose."),
    ];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        Token = token;
        return Show(await service.OpenAsync(token, TokenPurposes.Task, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? decision, [FromForm] string? comments, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        Token = token;
        Decision = decision;
        Comments = comments;
        switch (await service.DecideAsync(client, token, decision, comments, ct))
        {
            case ActResult.Done done:
                Done = done;
                return Page();
            case ActResult.Invalid invalid:
                Errors = new FormErrors(invalid.Errors, Order, f => f == "decision" ? ChoiceField.FirstInputId(f, Decisions) : f);
                var shown = Show(invalid.Access, offerEscalation: false);
                if (Problem is null) Response.StatusCode = StatusCodes.Status400BadRequest;
                return shown;
            case ActResult.Refused refused:
                return Refuse(await WithRequestAsync(refused.Why, token, ct));
            default:
                throw new InvalidOperationException($"Unknown result {nameof(ActResult)}.");
        }
    }

    public async Task<IActionResult> OnPostEscalateAsync(string token, [FromForm] string? reason, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        Token = token;
        Reason = reason;
        switch (await service.EscalateAsync(client, token, reason, ct))
        {
            case ActResult.Done done:
                Done = done;
                Escalated = true;
                return Page();
            case ActResult.Invalid invalid:
                Errors = new FormErrors(invalid.Errors, ["reason"]);
                var shown = Show(invalid.Access);
                if (Problem is null) Response.StatusCode = StatusCodes.Status400BadRequest;
                return shown;
            case ActResult.Refused refused:
                return Refuse(await WithRequestAsync(refused.Why, token, ct));
            default:
                throw new InvalidOperationException($"Unknown result {nameof(ActResult)}.");
        }
    }

    // A refused act does not say which request it was for; a read of the link (never a write) finds it,
    // so the page can point to the request's status.
    private async Task<LinkAccess.Refused> WithRequestAsync(LinkAccess.Refused why, string token, CancellationToken ct) =>
        why.Request is null && await service.OpenAsync(token, TokenPurposes.Task, ct) is LinkAccess.Refused { Request: { } request }
            ? why with { Request = request }
            : why;

    private PageResult Show(LinkAccess access, bool offerEscalation = true)
    {
        // A link spent by a request for remediation still escalates that finding while it is open (a read, no write);
        // a decision sent again on it is answered as before, spent.
        if (offerEscalation && access is LinkAccess.Refused { Request: { } request } && service.FindingToEscalate(Token, request.State) is { } open)
        {
            Escalation = open;
            View = RequestView.From(request, pack);
            return Page();
        }
        if (access is LinkAccess.Refused refused) return Refuse(refused);
        var granted = (LinkAccess.Granted)access;
        View = RequestView.From(granted.Request, pack);
        MyTask = View.Reviews.FirstOrDefault(r => r.TaskId == granted.Payload.TaskId);
        Reviewer = granted.Payload.Subject;
        return Page();
    }

    private PageResult Refuse(LinkAccess.Refused refused)
    {
        Problem = ProblemView.From(refused);
        Response.StatusCode = refused.Status;
        return Page();
    }
}

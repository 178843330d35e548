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
        return Show(await service.OpenAsync(token, TokenPurposes.Task, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? decision, [FromForm] string? comments, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        Decision = decision;
        Comments = comments;
        switch (await service.DecideAsync(client, token, decision, comments, ct))
        {
            case ActResult.Done done:
                Done = done;
                return Page();
            case ActResult.Invalid invalid:
                Errors = new FormErrors(invalid.Errors, Order, f => f == "decision" ? ChoiceField.FirstInputId(f, Decisions) : f);
                var shown = Show(invalid.Access);
                if (Problem is null) Response.StatusCode = StatusCodes.Status400BadRequest;
                return shown;
            case ActResult.Refused refused:
                // A refused decision does not say which request it was for; a read of the link
                // (never a write) finds it, so the page can point to the request's status.
                var why = refused.Why.Request is null && await service.OpenAsync(token, TokenPurposes.Task, ct) is LinkAccess.Refused { Request: { } request }
                    ? refused.Why with { Request = request }
                    : refused.Why;
                return Refuse(why);
            default:
                throw new InvalidOperationException($"Unknown result {nameof(ActResult)}.");
        }
    }

    private PageResult Show(LinkAccess access)
    {
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

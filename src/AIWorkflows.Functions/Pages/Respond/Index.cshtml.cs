using Microsoft.DurableTask.Client;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Respond;

/// <summary>
/// <c>/respond/{token}</c>: the requester's emailed link. GET shows the status and the reviewers'
/// findings; POST with <c>action</c> (resubmit | withdraw) and <c>response</c> answers them.
/// </summary>
// No antiforgery token: the signed token in the address is the capability (as for /tasks/{token}),
// and a plain form post from another system must work.
[IgnoreAntiforgeryToken]
public sealed class IndexModel(ToolApprovalService service, PolicyPack pack, DurableTaskClient client) : PageModel
{
    public RequestView? View { get; private set; }

    public ProblemView? Problem { get; private set; }

    public ActResult.Done? Done { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public string? Action { get; private set; }

    public string? ResponseText { get; private set; }

    public bool CanResubmit => View?.Status == "remediation";

    public string WithdrawOnlyHint => View?.Status == "union_notice"
        ? "The request is approved and waiting on the notice to the affected employee organizations, so there is nothing to resubmit; you can still withdraw it."
        : "The request is with the reviewers, so there is nothing to resubmit; you can still withdraw it.";

    public IReadOnlyList<ChoiceOption> Actions =>
    [
        .. CanResubmit ? [new ChoiceOption("resubmit", "I have made the changes: send it back to the reviewers")] : Array.Empty<ChoiceOption>(),
        new("withdraw", "Withdraw the request", "The tool will not be used for this purpose. This cannot be undone."),
    ];

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Show(await service.OpenAsync(token, LinkTokens.RequesterPurpose, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? action, [FromForm] string? response, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        Action = action;
        ResponseText = response;
        switch (await service.RespondAsync(client, token, action, response, ct))
        {
            case ActResult.Done done:
                Done = done;
                return Page();
            case ActResult.Invalid invalid:
                var shown = Show(invalid.Access);
                Errors = new FormErrors(invalid.Errors, ["action", "response"], f => f == "action" ? ChoiceField.FirstInputId(f, Actions) : f);
                if (Problem is null) Response.StatusCode = StatusCodes.Status400BadRequest;
                return shown;
            case ActResult.Refused refused:
                return Refuse(refused.Why);
            default:
                throw new InvalidOperationException($"Unknown result {nameof(ActResult)}.");
        }
    }

    private PageResult Show(LinkAccess access)
    {
        if (access is LinkAccess.Refused refused) return Refuse(refused);
        View = RequestView.From(((LinkAccess.Granted)access).Request, pack);
        return Page();
    }

    private PageResult Refuse(LinkAccess.Refused refused)
    {
        Problem = ProblemView.From(refused);
        Response.StatusCode = refused.Status;
        return Page();
    }
}

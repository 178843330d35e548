using Microsoft.DurableTask.Client;
using AIWorkflows.App.Identity;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Requests;

/// <summary>
/// <c>/requests/new</c>: the intake form (DESIGN §5), submitted through the same service as <c>POST /api/requests</c>.
/// It is for signed-in city staff: a visitor who is not signed in is told to sign in, not shown a form that cannot be sent.
/// </summary>
public sealed class NewModel(ToolApprovalService service, AIWorkflows.App.Reassessments.ToolLifecycleService tools, PolicyPack pack, DurableTaskClient client) : PageModel
{
    public PolicyPack Pack => pack;

    public NewRequestForm Form { get; private set; } = new();

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public IReadOnlyList<ProhibitedUse> Prohibited { get; private set; } = [];

    /// <summary>Blank answers the prohibitions counted as the riskier answer.</summary>
    public IReadOnlyList<AssumedAnswer> Assumed { get; private set; } = [];

    /// <summary>Set when this form instance was already used for different answers.</summary>
    public bool KeyReused { get; private set; }

    /// <summary>Set when the form was opened from a pilot's register page to move it into production.</summary>
    public string? PilotName { get; private set; }

    /// <summary>Set instead of the form when nobody is signed in.</summary>
    public ProblemView? Problem { get; private set; }

    /// <summary>The signed-in city identity: the requester, unless they name someone they send it for.</summary>
    public string? SignedInAs => User.Identity?.IsAuthenticated == true ? User.Email() : null;

    public async Task<IActionResult> OnGetAsync(string? pilot, CancellationToken ct)
    {
        if (SignedInAs is not { } me) return SignInRequired();
        Form = new NewRequestForm { FormKey = NewKey(), RequesterEmail = me };
        // Anything but a pilot in the register opens the ordinary empty form: the link is a convenience.
        if (pilot is not null && await tools.GetAsync(pilot.Trim(), false, ct) is { State: AIWorkflows.Domain.Reassessments.ToolLifecycle.InService { Profile.Stage: "pilot" } s })
        {
            Form = NewRequestForm.FromPilot(s.Profile, Form.FormKey);
            PilotName = s.Profile.Name;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SignedInAs is not { } me) return SignInRequired();
        Form = NewRequestForm.Read(Request.Form, pack);
        // The hidden per-form key is the idempotency key: a double click replays the first
        // submission instead of creating a second request.
        if (string.IsNullOrWhiteSpace(Form.FormKey)) Form.FormKey = NewKey();
        switch (await service.SubmitAsync(client, Form.ToInput(), "form-" + Form.FormKey, me, ct))
        {
            case SubmitResult.Created c:
                return new SeeOtherResult($"/requests/{Uri.EscapeDataString(c.Request.InstanceId)}");
            case SubmitResult.Replayed r:
                return new SeeOtherResult($"/requests/{Uri.EscapeDataString(r.Request.InstanceId)}");
            case SubmitResult.Invalid i:
                Errors = new FormErrors(i.Errors, NewRequestForm.Order(pack), f => NewRequestForm.Target(pack, f));
                return Status(StatusCodes.Status400BadRequest);
            case SubmitResult.Prohibited p:
                (Prohibited, Assumed) = (p.Uses, p.Assumed);
                return Status(StatusCodes.Status422UnprocessableEntity);
            default:
                // The person went back, changed answers and sent the same form again: the first
                // request stands; a fresh key lets them send these answers as a new request.
                KeyReused = true;
                Form.FormKey = NewKey();
                return Status(StatusCodes.Status409Conflict);
        }
    }

    private PageResult SignInRequired()
    {
        Problem = new ProblemView(StatusCodes.Status401Unauthorized, "Sign in to request approval for an AI tool",
            "Requests are sent by city staff in their own name. Sign in with your city account, then open this page again.");
        return Status(Problem.Status);
    }

    private PageResult Status(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}

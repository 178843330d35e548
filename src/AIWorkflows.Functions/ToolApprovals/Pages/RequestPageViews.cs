using AIWorkflows.App.Web.Pages;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.ToolApprovals.Pages;

/// <summary><c>/requests</c>: the id searched for, as typed, and why it was not found; a search carries the id in its address.</summary>
public sealed record FindRequestView(string? Id, FormErrors Errors, bool Searched);

/// <summary>
/// <c>/requests/new</c>: the form as the person filled it in and what stopped it (errors by field, a prohibited use,
/// the form's key used before); or <see cref="Problem"/> in place of the form when nobody is signed in.
/// </summary>
public sealed record NewRequestView(
    NewRequestForm Form, FormErrors Errors, string? SignedInAs, string? PilotName = null,
    IReadOnlyList<ProhibitedUse>? Prohibited = null, IReadOnlyList<AssumedAnswer>? Assumed = null, bool KeyReused = false,
    ProblemView? Problem = null)
{
    public IReadOnlyList<ProhibitedUse> ProhibitedUses => Prohibited ?? [];

    public IReadOnlyList<AssumedAnswer> AssumedAnswers => Assumed ?? [];
}

/// <summary>
/// <c>/requests/{id}</c>: the request as its reader may see it, or the problem; for its insiders the documentation form
/// with what was sent, its errors, and what was done or why not (the request closed meanwhile).
/// </summary>
public sealed record RequestStatusView(
    RequestView? View, ProblemView? Problem, bool CanAddDocuments = false, FormErrors? DocumentErrors = null,
    string? Title = null, string? Message = null, string? Refusal = null)
{
    public static IReadOnlyList<string> DocumentOrder { get; } = ["document", "title"];

    public FormErrors Errors => DocumentErrors ?? FormErrors.None;
}

/// <summary>
/// <c>/tasks/{token}</c>: the review the link opens (<see cref="View"/> with the reviewer's task), the finding it may
/// still escalate once spent (<see cref="Escalation"/>), what was recorded (<see cref="Done"/>), or why the link is refused.
/// </summary>
public sealed record ReviewPageView(
    RequestView? View = null, ReviewView? MyTask = null, string? Reviewer = null, ProblemView? Problem = null,
    ActResult.Done? Done = null, bool Escalated = false, OpenFinding? Escalation = null,
    FormErrors? FormErrors = null, string? Decision = null, string? Comments = null, string? Reason = null)
{
    public static IReadOnlyList<string> Order { get; } = ["decision", "comments"];

    public static IReadOnlyList<ChoiceOption> Decisions { get; } =
    [
        new("approve", "Approve", "The tool can be used as described."),
        new("approve_with_conditions", "Approve with conditions", "It can be used if the conditions you write in the comments are met."),
        new("request_remediation", "Request remediation", "Send it back to the requester with what must change; review continues after they resubmit."),
        new("reject", "Reject", "The tool must not be used for this purpose."),
    ];

    public FormErrors Errors => FormErrors ?? AIWorkflows.App.Web.Pages.FormErrors.None;

    /// <summary>The refusal's status, 400 for errors by field, otherwise 200.</summary>
    public int Status => Problem?.Status ?? (Errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    public static FormErrors DecisionErrors(Dictionary<string, string[]> errors) =>
        new(errors, Order, f => f == "decision" ? ChoiceField.FirstInputId(f, Decisions) : f);

    public static FormErrors EscalationErrors(Dictionary<string, string[]> errors) => new(errors, ["reason"]);
}

/// <summary><c>/respond/{token}</c>: the requester's request and findings, what was recorded, or why the link is refused.</summary>
public sealed record RespondPageView(
    RequestView? View = null, ProblemView? Problem = null, ActResult.Done? Done = null,
    FormErrors? FormErrors = null, string? Action = null, string? Response = null)
{
    public FormErrors Errors => FormErrors ?? AIWorkflows.App.Web.Pages.FormErrors.None;

    public int Status => Problem?.Status ?? (Errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);

    public bool CanResubmit => View?.Status == "remediation";

    public string WithdrawOnlyHint => View?.Status == "union_notice"
        ? "The request is approved and waiting on the notice to the affected employee organizations, so there is nothing to resubmit; you can still withdraw it."
        : "The request is with the reviewers, so there is nothing to resubmit; you can still withdraw it.";

    public IReadOnlyList<ChoiceOption> Actions =>
    [
        .. CanResubmit ? [new ChoiceOption("resubmit", "I have made the changes: send it back to the reviewers")] : Array.Empty<ChoiceOption>(),
        new("withdraw", "Withdraw the request", "The tool will not be used for this purpose. This cannot be undone."),
    ];

    public FormErrors ErrorsOf(Dictionary<string, string[]> errors) =>
        new(errors, ["action", "response"], f => f == "action" ? ChoiceField.FirstInputId(f, Actions) : f);
}

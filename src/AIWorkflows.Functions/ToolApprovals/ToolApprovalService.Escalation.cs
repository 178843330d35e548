using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.ToolApprovals;
using Microsoft.DurableTask.Client;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>A reviewer's finding that is still open, and the authority it would escalate to (Albuquerque 4.2).</summary>
public sealed record OpenFinding(Finding Finding, string AuthorityTitle);

// Albuquerque 4.2: the reviewer who asked for remediation may escalate the unresolved finding to the authority the
// pack names. The task link is spent for deciding once they decided; escalating is a separate act on that same link.
public sealed partial class ToolApprovalService
{
    /// <summary>
    /// The finding the link's reviewer made and may still escalate in <paramref name="state"/>, or null. A pure read
    /// (the page shows the form with it); the decider alone decides when the command arrives.
    /// </summary>
    public OpenFinding? FindingToEscalate(string? token, ToolApproval state) =>
        tokens.Verify(token, TokenPurposes.Task) is TokenVerification.Valid { Payload: var p }
        && pack.FindingEscalation is { } policy
        && state is ToolApproval.InRemediation r
        && r.Findings.FirstOrDefault(f => f.TaskId == p.TaskId && !f.Escalated) is { } finding
        && r.Case.Task(p.TaskId) is { } task
        && string.Equals(task.ReviewerEmail.Trim(), p.Subject.Trim(), StringComparison.OrdinalIgnoreCase)
            ? new OpenFinding(finding, RoleTitle(policy.To))
            : null;

    private string RoleTitle(string role) => pack.Roles.FirstOrDefault(x => x.Id == role)?.Title ?? role;

    /// <summary>Escalates the link's reviewer's unresolved finding with their reason; refused when there is none open.</summary>
    public async Task<ActResult> EscalateAsync(DurableTaskClient client, string? token, string? reason, CancellationToken ct)
    {
        if (tokens.Verify(token, TokenPurposes.Task) is not TokenVerification.Valid { Payload: var p })
            return new ActResult.Refused((LinkAccess.Refused)await OpenAsync(token, TokenPurposes.Task, ct));

        reason = reason?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (reason.Length == 0) errors["reason"] = ["Say why the finding needs the authority now: it is sent to them and kept in the record."];
        else if (reason.Length > ToolRequestValidator.MaxText) errors["reason"] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
        else if (ToolRequestValidator.HasControlCharacters(reason)) errors["reason"] = ["Remove control characters."];
        if (errors.Count > 0) return new ActResult.Invalid(errors, await OpenAsync(token, TokenPurposes.Task, ct));

        // A pack without the policy has no one to escalate to: refused without a write.
        if (pack.FindingEscalation is null)
            return new ActResult.Refused(Spent(new LinkAccess.Refused(StatusCodes.Status409Conflict, "Nothing to escalate to",
                "This city's policy names no authority to escalate unresolved findings to."), TokenPurposes.Task));

        var result = await store.SendAsync(client, p.InstanceId, new EscalateFinding(p.TaskId, p.Subject, reason, clock.GetUtcNow()), ct);
        if (result.NewEvents.Select(e => e.Event).OfType<ToolApprovalEvent.FindingEscalated>().FirstOrDefault() is { } escalated)
            return new ActResult.Done(p.InstanceId, result.State, $"Your finding is escalated to the {RoleTitle(escalated.EscalatedToRole)}, who is sent it by email.");
        // Decided nothing: already escalated (by the reviewer or the timer), resubmitted or decided since, or not this reviewer's finding.
        var detail = result.State switch
        {
            ToolApproval.InRemediation r when r.Findings.Any(f => f.TaskId == p.TaskId && f.Escalated) => "This finding was already escalated; it is in the request's record.",
            ToolApproval.InRemediation => "You have no unresolved finding on this request to escalate.",
            var s => $"The request is {s.Status.Replace('_', ' ')}: there is no unresolved finding to escalate.",
        };
        return new ActResult.Refused(Spent(new LinkAccess.Refused(StatusCodes.Status409Conflict, "Nothing was escalated", detail), TokenPurposes.Task));
    }
}

using AIWorkflows.Domain.Deciding;
using static AIWorkflows.Domain.ToolApprovals.ToolApproval;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.ToolApprovals;

// Albuquerque 4.2: tools that fail the assessment may not be used unless remediated, and an escalation pathway for
// unresolved risks is routed through existing City governance. A finding the requester has not resolved goes to
// the authority the pack names, when its reviewer asks or after the pack's period in business days; the request
// stays in remediation (the authority answers through that governance, not in this workflow).
public sealed partial class ToolApprovalDecider
{
    private DateTimeOffset? FindingEscalatesAt(DateTimeOffset madeAt) =>
        pack.FindingEscalation is { } p ? calendar.AddBusinessDays(madeAt, p.AfterBusinessDays) : null;

    private static List<Deadline<ToolApprovalCommand>> FindingDeadlines(InRemediation r) =>
        [.. r.Findings.Where(f => !f.Escalated && f.EscalateAt is not null).Select(f => new Deadline<ToolApprovalCommand>(
            f.EscalateAt!.Value, new ReviewDeadline(f.TaskId, DeadlineKind.FindingEscalation, f.EscalateAt.Value, f.EscalateAt.Value)))];

    // A timer set for a finding that has since escalated, or for another due time, decides nothing.
    private List<ToolApprovalEvent> FindingDue(ReviewDeadline d, InRemediation s) =>
        s.Findings.FirstOrDefault(f => f.TaskId == d.TaskId && !f.Escalated && f.EscalateAt == d.DueAt) is { } f
            ? Escalated(f, s.Case, $"Unresolved since {f.At:yyyy-MM-dd}: the requester has not answered it.", automatic: true, d.Now)
            : [];

    private List<ToolApprovalEvent> Escalate(EscalateFinding x, InRemediation s) =>
        s.Findings.FirstOrDefault(f => f.TaskId == x.TaskId && !f.Escalated) is { } f && s.Case.Task(f.TaskId) is { } task
            && SameEmail(task.ReviewerEmail, x.ReviewerEmail) && !string.IsNullOrWhiteSpace(x.Reason)
            ? Escalated(f, s.Case, x.Reason.Trim(), automatic: false, x.Now)
            : [];

    private List<ToolApprovalEvent> Escalated(Finding f, RequestCase c, string reason, bool automatic, DateTimeOffset now)
    {
        if (pack.FindingEscalation is not { } p) return [];   // the pack names no authority: nothing to escalate to
        return [new FindingEscalated(f.TaskId, f.Role, p.To, _plan.Email(p.To, c.Form), reason, automatic, now)];
    }
}

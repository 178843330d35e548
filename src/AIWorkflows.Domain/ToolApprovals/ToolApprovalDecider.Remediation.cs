using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.ToolApprovals.ToolApproval;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.ToolApprovals;

public sealed partial class ToolApprovalDecider
{
    /// <summary>
    /// The requester answers the findings. Reviews that asked for remediation reopen as new tasks
    /// (their old links are spent); reviews still pending keep their link with fresh deadlines; a
    /// corrected form is re-tiered, and any role the new tier adds at or before this stage is engaged.
    /// </summary>
    private List<ToolApprovalEvent> Resubmit(Resubmit r, InRemediation s)
    {
        var c = s.Case;
        var form = r.Form ?? c.Form;
        var assessment = RiskAssessor.Assess(pack, form);
        if (!assessment.IsAdmissible) return [];
        var round = c.Round + 1;
        var reasons = Reasons(assessment);
        List<ToolApprovalEvent> events =
            [new Resubmitted(r.By, r.Response, form, assessment.Tier, reasons, Duties(assessment), round, r.Now)];

        // Reviews that asked for remediation reopen at once, whatever their stage: they judge the fix.
        var live = c.Tasks.Where(t => !t.Superseded).ToList();
        var steps = _plan.Steps(assessment.Tier, reasons);
        var asked = live.Where(t => t.Outcome?.Verdict == Verdict.RequestRemediation).ToList();
        var reopen = asked.Select(t => steps.FirstOrDefault(st => st.Role == t.Role)
                ?? new ReviewStep(t.Role, s.Stage, steps[0].ReminderAfterBusinessDays, steps[0].EscalateAfterBusinessDays, t.EscalateToRole, "carried over from the earlier tier"))
            .ToList();
        // A higher tier may add roles at stages already passed; they are engaged now.
        reopen.AddRange(steps.Where(st => st.Stage <= s.Stage && live.All(t => t.Role != st.Role)));

        events.AddRange(_plan.Open(reopen, form, round, r.Now));
        events.AddRange(live.Where(t => t.IsOpen).Select(t => _plan.Reschedule(t, steps, r.Now)));
        return events;
    }

    private static List<ToolApprovalEvent> Deadline(ReviewDeadline d, RequestCase c)
    {
        var task = c.Task(d.TaskId);
        if (task is null || !task.IsOpen) return [];
        return d.Kind switch
        {
            DeadlineKind.Reminder when !task.Reminded && task.RemindAt == d.DueAt =>
                [new ReviewReminded(task.TaskId, task.Role, task.ReviewerEmail, d.Now)],
            DeadlineKind.Escalation when !task.Escalated && task.EscalateAt == d.DueAt =>
                [new ReviewEscalated(task.TaskId, task.Role, task.ReviewerEmail, task.EscalateToRole, task.EscalateToEmail, task.EscalateAt, d.Now)],
            _ => [],
        };
    }

    /// <summary>Why a reviewer's decision would be refused, in words for the reviewer; null when it would be recorded.</summary>
    public static string? Refusal(ToolApproval state, string taskId, string reviewerEmail)
    {
        var c = state.CaseOrNull;
        var task = c?.Task(taskId);
        if (c is null || task is null) return "This review task does not exist.";
        if (!SameEmail(task.ReviewerEmail, reviewerEmail)) return "This link belongs to another reviewer.";
        if (task.Superseded) return "This review was replaced by a newer task after the request was resubmitted; use the newest link.";
        if (task.Outcome is not null) return $"The decision on this review was already recorded on {task.Outcome.At:yyyy-MM-dd}; this link is spent.";
        return state switch
        {
            InReview or InRemediation => null,
            _ => $"The request is already {state.Status.Replace('_', ' ')}; no further decisions are taken.",
        };
    }
}

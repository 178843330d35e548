using System.Collections.Immutable;
using static AIWorkflows.Domain.ToolApprovals.ToolApproval;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.ToolApprovals;

public sealed partial class ToolApprovalDecider
{
    /// <summary>Folds one event into the state. Reads only the event: the pack may change, history may not.</summary>
    public ToolApproval Evolve(ToolApproval state, ToolApprovalEvent happened) => (state, happened) switch
    {
        (None, Submitted e) => new InReview(
            new RequestCase(e.RequestId, e.ToolId, e.Form, e.Tier, e.TierReasons, e.Disclosures, e.At, 1, []), 0),
        (InReview s, StageOpened e) => s with { Stage = e.Stage },
        (InReview s, ReviewOpened e) => s with { Case = Open(s.Case, e) },
        (InRemediation s, ReviewOpened e) => s with { Case = Open(s.Case, e) },
        (InReview s, ReviewRecorded e) => s with { Case = Record(s.Case, e) },
        (InRemediation s, ReviewRecorded e) => s with { Case = Record(s.Case, e) },
        (InReview s, RemediationRequested e) => new InRemediation(s.Case, s.Stage, [Finding(s.Case, e)]),
        (InRemediation s, RemediationRequested e) => s with { Findings = s.Findings.Add(Finding(s.Case, e)) },
        (InRemediation s, FindingEscalated e) => s with { Findings = [.. s.Findings.Select(f => f.TaskId == e.TaskId ? f with { Escalated = true } : f)] },
        (InRemediation s, Resubmitted e) => new InReview(
            s.Case with { Form = e.Form, Tier = e.Tier, TierReasons = e.TierReasons, Disclosures = e.Disclosures, Round = e.Round },
            s.Stage),
        (InReview s, ReviewReminded e) => s with { Case = Update(s.Case, e.TaskId, t => t with { Reminded = true }) },
        (InReview s, ReviewEscalated e) => s with { Case = Update(s.Case, e.TaskId, t => t with { Escalated = true }) },
        (InReview s, ReviewRescheduled e) => s with
        {
            Case = Update(s.Case, e.TaskId, t => t with { RemindAt = e.RemindAt, EscalateAt = e.EscalateAt, Reminded = false, Escalated = false }),
        },
        (InReview s, RequestApproved e) => new Approved(s.Case, e.Conditions, e.At),
        (InReview s, UnionNoticeRequired e) => new AwaitingUnion(s.Case, e.Conditions, e.Organizations, e.At),
        (AwaitingUnion s, RequestApproved e) => new Approved(s.Case, e.Conditions, e.At),
        (AwaitingUnion s, RequestWithdrawn e) => new Withdrawn(s.Case, e.By, e.Reason, e.At),
        (InReview s, RequestRejected e) => new Rejected(s.Case, e.Role, e.Reason, e.At),
        (InRemediation s, RequestRejected e) => new Rejected(s.Case, e.Role, e.Reason, e.At),
        (InReview s, RequestWithdrawn e) => new Withdrawn(s.Case, e.By, e.Reason, e.At),
        (InRemediation s, RequestWithdrawn e) => new Withdrawn(s.Case, e.By, e.Reason, e.At),
        (InReview s, DocumentAttached e) => s with { Case = Attach(s.Case, e) },
        (InRemediation s, DocumentAttached e) => s with { Case = Attach(s.Case, e) },
        (AwaitingUnion s, DocumentAttached e) => s with { Case = Attach(s.Case, e) },
        _ => state,
    };

    private static RequestCase Attach(RequestCase c, DocumentAttached e) => c with { Documents = c.DocumentsOrEmpty.Add(e.Document) };

    // A new task for a role supersedes that role's earlier task: only the newest link acts.
    private static RequestCase Open(RequestCase c, ReviewOpened e) => c with
    {
        Tasks = c.Tasks
            .Select(t => t.Role == e.Role && !t.Superseded ? t with { Superseded = true } : t)
            .Append(new ReviewTask(e.TaskId, e.Role, e.Stage, e.Round, e.ReviewerEmail, e.EscalateToRole, e.EscalateToEmail,
                e.At, e.RemindAt, e.EscalateAt, false, false, false, null, e.Checklist, e.RecordClass))
            .ToImmutableList(),
    };

    private static RequestCase Record(RequestCase c, ReviewRecorded e) =>
        Update(c, e.TaskId, t => t with { Outcome = new ReviewOutcome(e.Verdict, e.Comments, e.By, e.At) });

    private static RequestCase Update(RequestCase c, string taskId, Func<ReviewTask, ReviewTask> change) =>
        c.Task(taskId) is { } t ? c.WithTask(change(t)) : c;

    private static Finding Finding(RequestCase c, RemediationRequested e) => new(e.TaskId, e.Role, e.Findings, e.At, e.EscalateAt);
}

using System.Collections.Immutable;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.ToolApprovals.ToolApproval;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.ToolApprovals;

/// <summary>Decides what a command does to a request. Refused commands decide nothing; <see cref="Refusal"/> says why.</summary>
public sealed partial class ToolApprovalDecider(PolicyPack pack, BusinessCalendar calendar)
    : IDecider<ToolApprovalCommand, ToolApproval, ToolApprovalEvent>
{
    private readonly ReviewPlan _plan = new(pack, calendar);

    public ToolApproval Initial { get; } = new None();

    public IReadOnlyList<ToolApprovalEvent> Decide(ToolApprovalCommand command, ToolApproval state) => (command, state) switch
    {
        (Submit x, None) => Submit(x),
        (RecordReview r, InReview s) => Review(r, s.Case, s.Stage, inRemediation: false),
        (RecordReview r, InRemediation s) => Review(r, s.Case, s.Stage, inRemediation: true),
        (Resubmit r, InRemediation s) when IsRequester(s.Case, r.By) => Resubmit(r, s),
        (Withdraw w, InReview or InRemediation or AwaitingUnion) when IsRequester(state.CaseOrNull!, w.By) =>
            [new RequestWithdrawn(w.By, w.Reason, w.Now)],
        (ReviewDeadline d, InReview s) => Deadline(d, s.Case),
        (ReviewDeadline { Kind: DeadlineKind.FindingEscalation } d, InRemediation s) => FindingDue(d, s),
        (EscalateFinding x, InRemediation s) => Escalate(x, s),
        // Sacramento VI.A.5: documentation is gathered while the request is open; an outcome closes its record.
        (AttachDocument a, InReview or InRemediation or AwaitingUnion) when state.CaseOrNull!.DocumentsOrEmpty.All(d => d.RecordId != a.Document.RecordId) =>
            [new DocumentAttached(a.Document, a.Now)],
        (UnionCleared u, AwaitingUnion s) when u.NoticeId == UnionGate.NoticeId(s.Case.RequestId) =>
            [new RequestApproved(s.Case.ToolId, s.Case.Tier, s.Conditions, u.Now)],
        _ => [], // a repeated submit, a decision after the outcome, a stale timer: nothing to do
    };

    /// <summary>An outcome is final: every command decides nothing there (only the arm above matches it).</summary>
    public bool IsFinal(ToolApproval state) => state is Approved or Rejected or Withdrawn;

    // Each open review waits on its reminder, then on its escalation (business days, from the pack's
    // review steps); only a request in review runs its clocks: in remediation the requester holds it.
    // In remediation, a finding the pack lets escalate waits on its escalation (Albuquerque 4.2).
    public IReadOnlyList<Deadline<ToolApprovalCommand>> Deadlines(ToolApproval state) => state switch
    {
        InReview s => [.. s.Case.Tasks.Where(t => t.IsOpen && !t.Escalated).Select(t => t.Reminded
            ? new Deadline<ToolApprovalCommand>(t.EscalateAt, new ReviewDeadline(t.TaskId, DeadlineKind.Escalation, t.EscalateAt, t.EscalateAt))
            : new Deadline<ToolApprovalCommand>(t.RemindAt, new ReviewDeadline(t.TaskId, DeadlineKind.Reminder, t.RemindAt, t.RemindAt)))],
        InRemediation r => FindingDeadlines(r),
        _ => [],
    };

    private List<ToolApprovalEvent> Submit(Submit x)
    {
        var assessment = RiskAssessor.Assess(pack, x.Form);
        // Prohibited uses are refused at intake (Baltimore EO: impersonation; Sacramento VII.C, VII.D),
        // and so is a form that leaves a required question blank (issue 17); the app explains the
        // refusal before storing anything, and the decider never admits one.
        if (!assessment.IsAdmissible) return [];
        var reasons = Reasons(assessment);
        var steps = _plan.Steps(assessment.Tier, reasons);
        var stage = ReviewPlan.FirstStage(steps);
        return [
            new Submitted(x.RequestId, x.ToolId, x.Form, assessment.Tier, reasons, Duties(assessment), x.Now),
            new StageOpened(stage, x.Now),
            .. _plan.Open(steps.Where(s => s.Stage == stage), x.Form, round: 1, x.Now),
        ];
    }

    private List<ToolApprovalEvent> Review(RecordReview r, RequestCase c, int stage, bool inRemediation)
    {
        var task = c.Task(r.TaskId);
        if (task is null || !task.IsOpen || !SameEmail(task.ReviewerEmail, r.ReviewerEmail)) return [];
        List<ToolApprovalEvent> events = [new ReviewRecorded(task.TaskId, task.Role, r.ReviewerEmail, r.Verdict, r.Comments, r.Now)];
        switch (r.Verdict)
        {
            case Verdict.Reject:
                events.Add(new RequestRejected(task.TaskId, task.Role, r.Comments, r.Now));
                break;
            case Verdict.RequestRemediation:
                // Albuquerque 4.2: a tool that fails the assessment may not be used unless remediated.
                events.Add(new RemediationRequested(task.TaskId, task.Role, r.Comments, r.Now, FindingEscalatesAt(r.Now)));
                break;
            default:
                if (!inRemediation) events.AddRange(AfterApproval(c.WithTask(task with { Outcome = Outcome(r) }), stage, r.Now));
                break;
        }
        return events;
    }

    // A stage is done when every live review up to it has approved; the next stage then opens for
    // the roles that have no live review yet (a role reopened early by remediation keeps its task).
    private List<ToolApprovalEvent> AfterApproval(RequestCase c, int stage, DateTimeOffset now)
    {
        var live = c.Tasks.Where(t => !t.Superseded).ToList();
        if (live.Any(t => t.Stage <= stage && !IsApproval(t.Outcome))) return [];
        var steps = _plan.Steps(c);
        if (ReviewPlan.NextStage(steps, stage) is int n)
            return [new StageOpened(n, now), .. _plan.Open(steps.Where(s => s.Stage == n && live.All(t => t.Role != s.Role)), c.Form, c.Round, now)];
        if (live.Any(t => !IsApproval(t.Outcome))) return [];
        var conditions = live
            .Where(t => t.Outcome?.Verdict == Verdict.ApproveWithConditions)
            .Select(t => $"{pack.Role(t.Role).Title}: {t.Outcome!.Comments}")
            .ToImmutableList();
        return Outcome(c, conditions, now);
    }

    // Sacramento VI.A.7 (MMBA): a tool that may affect working conditions goes live only after
    // notice to each recognized employee organization it touches; in an emergency the pack may let
    // the city adopt first and give notice at the earliest practicable time.
    private List<ToolApprovalEvent> Outcome(RequestCase c, ImmutableList<string> conditions, DateTimeOffset now)
    {
        var organizations = UnionGate.Organizations(pack, c.Form);
        if (organizations.Count == 0) return [new RequestApproved(c.ToolId, c.Tier, conditions, now)];
        var noticeId = UnionGate.NoticeId(c.RequestId);
        if (UnionGate.Emergency(pack, c.Form) is { } justification)
            return [new EmergencyAdoption(noticeId, organizations, justification, now), new RequestApproved(c.ToolId, c.Tier, conditions, now)];
        return [new UnionNoticeRequired(noticeId, organizations, conditions, now)];
    }

    private static bool IsApproval(ReviewOutcome? o) => o?.Verdict is Verdict.Approve or Verdict.ApproveWithConditions;

    private static ReviewOutcome Outcome(RecordReview r) => new(r.Verdict, r.Comments, r.ReviewerEmail, r.Now);

    private static bool IsRequester(RequestCase c, string by) => SameEmail(c.Form.RequesterEmail, by);

    private static bool SameEmail(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static ImmutableList<TierReason> Reasons(RiskAssessment a) =>
        a.Reasons.Select(r => new TierReason(r.RuleId, r.Tier, r.Reason, r.Source, r.Assumed, r.Reviews)).ToImmutableList();

    private static ImmutableList<DutyNotice> Duties(RiskAssessment a) =>
        a.Disclosures.Select(d => new DutyNotice(d.Id, d.Text, d.Source)).ToImmutableList();
}

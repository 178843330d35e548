using AIWorkflows.App.UnionNotices;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Deciding;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>The request as other systems read it (DESIGN §5): status, tier, reviews and the full timeline.</summary>
public sealed record RequestView(
    string Id,
    string ToolId,
    string Status,
    string RiskTier,
    IReadOnlyList<TierReason> RiskReasons,
    ToolRequestForm Request,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<ReviewView> Reviews,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<DutyNotice> Disclosures,
    IReadOnlyList<FindingView> Findings,
    IReadOnlyList<TimelineEntry> Timeline,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] UnionNoticeView? Union = null)
{
    /// <param name="toolStatus">Once approved, the tool's own status (suspended, retired) is the request's status.</param>
    /// <param name="union">Sacramento VI.A.7: each employee organization's state and deadlines, when notice was given.</param>
    /// <param name="showReviewers">False for a link holder outside the review (<see cref="RequestAudience"/>): each reviewer is
    /// named by role title, in <c>reviewer</c> and in the timeline, so the JSON keeps its shape (issue 17 §4).</param>
    public static RequestView From(Snapshot<ToolApproval, ToolApprovalEvent> s, PolicyPack pack, string? toolStatus = null, UnionNoticeView? union = null, bool showReviewers = true)
    {
        var c = s.State.CaseOrNull ?? throw new InvalidOperationException($"Request {s.InstanceId} has no submission.");
        var status = s.State is ToolApproval.Approved && toolStatus is "suspended" or "retired" ? toolStatus : s.State.Status;
        return new RequestView(
            c.RequestId, c.ToolId, status, c.Tier, c.TierReasons, c.Form, c.SubmittedAt,
            [.. c.Tasks.Select(t => ReviewView.From(t, pack, showReviewers))],
            s.State switch { ToolApproval.Approved a => a.Conditions, ToolApproval.AwaitingUnion u => u.Conditions, _ => [] },
            c.Disclosures,
            s.State is ToolApproval.InRemediation r ? [.. r.Findings.Select(f => new FindingView(f.Role, f.Comments, f.At))] : [],
            [.. s.Events.Select(e => TimelineText.Describe(e, pack, showReviewers))],
            union);
    }
}

/// <param name="Checklist">What the reviewer confirms by approving (a procurement step, Sacramento VI.A.2); null when the step has none.</param>
public sealed record ReviewView(
    string TaskId, string Role, string RoleTitle, int Stage, int Round, string Reviewer, string Status,
    string? Decision, string? Comments, DateTimeOffset OpenedAt, DateTimeOffset? DecidedAt, DateTimeOffset DueAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ChecklistItem>? Checklist = null)
{
    public static ReviewView From(ReviewTask t, PolicyPack pack, bool showReviewer = true)
    {
        var title = pack.Roles.FirstOrDefault(r => r.Id == t.Role)?.Title ?? t.Role;
        return new(t.TaskId, t.Role, title, t.Stage, t.Round, showReviewer ? t.ReviewerEmail : title,
            t.Superseded ? "superseded" : t.Outcome is null ? (t.Escalated ? "overdue" : "open") : "decided",
            t.Outcome is null ? null : ToolApprovalService.Verdicts.First(v => v.Value == t.Outcome.Verdict).Key,
            t.Outcome?.Comments, t.OpenedAt, t.Outcome?.At, t.EscalateAt, t.Checklist);
    }
}

public sealed record FindingView(string Role, string Comments, DateTimeOffset At);

public sealed record TimelineEntry(long Seq, DateTimeOffset At, string Type, string Summary);

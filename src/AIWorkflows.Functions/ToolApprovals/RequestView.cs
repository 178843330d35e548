using AIWorkflows.App.UnionNotices;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Deciding;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// The request as other systems read it (DESIGN §5): status, tier, reviews and the full timeline. <c>trimmed</c>:
/// read by someone outside the request (<see cref="RequestAudience"/>), so the fields that name people or quote
/// them keep their place but hold no address or words: <c>requesterEmail</c> is empty, reviewers are role titles,
/// comments are null.
/// </summary>
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
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] UnionNoticeView? Union = null,
    bool Trimmed = false,
    IReadOnlyList<DocumentView>? Documents = null)
{
    /// <param name="toolStatus">Once approved, the tool's own status (suspended, retired) is the request's status.</param>
    /// <param name="union">Sacramento VI.A.7: each employee organization's state and deadlines, when notice was given.</param>
    /// <param name="insider">False for a link holder outside the request (<see cref="RequestAudience"/>; issue 17 §4, issue 19.2).</param>
    public static RequestView From(Snapshot<ToolApproval, ToolApprovalEvent> s, PolicyPack pack, string? toolStatus = null, UnionNoticeView? union = null, bool insider = true)
    {
        var c = s.State.CaseOrNull ?? throw new InvalidOperationException($"Request {s.InstanceId} has no submission.");
        var status = s.State is ToolApproval.Approved && toolStatus is "suspended" or "retired" ? toolStatus : s.State.Status;
        return new RequestView(
            c.RequestId, c.ToolId, status, c.Tier, c.TierReasons, insider ? c.Form : c.Form with { RequesterEmail = "", SubmittedBy = null }, c.SubmittedAt,
            [.. c.Tasks.Select(t => ReviewView.From(t, pack, insider))],
            s.State switch { ToolApproval.Approved a => a.Conditions, ToolApproval.AwaitingUnion u => u.Conditions, _ => [] },
            c.Disclosures,
            s.State is ToolApproval.InRemediation r ? [.. r.Findings.Select(f => new FindingView(f.Role, insider ? f.Comments : null, f.At))] : [],
            [.. s.Events.Select(e => TimelineText.Describe(e, pack, insider))],
            insider ? union : union?.ForOutsiders(),
            Trimmed: !insider,
            // Sacramento VI.A.5; what was added, and by whom, is for the request's insiders.
            Documents: insider ? [.. c.DocumentsOrEmpty.Select(d => DocumentView.From(c.RequestId, d))] : []);
    }
}

/// <param name="Checklist">What the reviewer confirms by approving (a procurement step, Sacramento VI.A.2); null when the step has none.</param>
public sealed record ReviewView(
    string TaskId, string Role, string RoleTitle, int Stage, int Round, string Reviewer, string Status,
    string? Decision, string? Comments, DateTimeOffset OpenedAt, DateTimeOffset? DecidedAt, DateTimeOffset DueAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<ChecklistItem>? Checklist = null)
{
    /// <param name="insider">False: the reviewer is the role's title and the comments are left out.</param>
    public static ReviewView From(ReviewTask t, PolicyPack pack, bool insider = true)
    {
        var title = pack.Roles.FirstOrDefault(r => r.Id == t.Role)?.Title ?? t.Role;
        return new(t.TaskId, t.Role, title, t.Stage, t.Round, insider ? t.ReviewerEmail : title,
            t.Superseded ? "superseded" : t.Outcome is null ? (t.Escalated ? "overdue" : "open") : "decided",
            t.Outcome is null ? null : ToolApprovalService.Verdicts.First(v => v.Value == t.Outcome.Verdict).Key,
            insider ? t.Outcome?.Comments : null, t.OpenedAt, t.Outcome?.At, t.EscalateAt, t.Checklist);
    }
}

/// <param name="Comments">Null for someone outside the request.</param>
public sealed record FindingView(string Role, string? Comments, DateTimeOffset At);

public sealed record TimelineEntry(long Seq, DateTimeOffset At, string Type, string Summary);

/// <summary>Technical documentation kept as a record of the request (Sacramento VI.A.5); <c>href</c> downloads it, for insiders.</summary>
public sealed record DocumentView(string RecordId, string Title, string FileName, long Size, string Sha256, string AddedBy, string Href)
{
    public static DocumentView From(string requestId, AttachedDocument d) =>
        new(d.RecordId, d.Title, d.FileName, d.Size, d.Sha256, d.By, $"/requests/{Uri.EscapeDataString(requestId)}/documents/{Uri.EscapeDataString(d.RecordId)}");
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.Domain.ToolApprovals;

/// <summary>
/// What happened to a request: the stored audit trail. These are contracts read back years later
/// by records officers; add new events or optional fields, never change the meaning of old ones.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(Submitted), "submitted")]
[JsonDerivedType(typeof(StageOpened), "stage_opened")]
[JsonDerivedType(typeof(ReviewOpened), "review_opened")]
[JsonDerivedType(typeof(ReviewRecorded), "review_recorded")]
[JsonDerivedType(typeof(ReviewReminded), "review_reminded")]
[JsonDerivedType(typeof(ReviewEscalated), "review_escalated")]
[JsonDerivedType(typeof(ReviewRescheduled), "review_rescheduled")]
[JsonDerivedType(typeof(RemediationRequested), "remediation_requested")]
[JsonDerivedType(typeof(Resubmitted), "resubmitted")]
[JsonDerivedType(typeof(FindingEscalated), "finding_escalated")]
[JsonDerivedType(typeof(UnionNoticeRequired), "union_notice_required")]
[JsonDerivedType(typeof(EmergencyAdoption), "emergency_adoption")]
[JsonDerivedType(typeof(RequestApproved), "approved")]
[JsonDerivedType(typeof(RequestRejected), "rejected")]
[JsonDerivedType(typeof(RequestWithdrawn), "withdrawn")]
[JsonDerivedType(typeof(DocumentAttached), "document_attached")]
public abstract record ToolApprovalEvent(DateTimeOffset At)
{
    public sealed record Submitted(
        string RequestId, string ToolId, ToolRequestForm Form, string Tier,
        ImmutableList<TierReason> TierReasons, ImmutableList<DutyNotice> Disclosures, DateTimeOffset At) : ToolApprovalEvent(At);

    /// <summary>Reviews are staged (Sacramento V.D.1: the department director first); this marks a stage opening.</summary>
    public sealed record StageOpened(int Stage, DateTimeOffset At) : ToolApprovalEvent(At);

    /// <summary>
    /// A review task opens; <c>Checklist</c> is what the reviewer confirms by approving (Sacramento VI.A.2 procurement);
    /// <c>RecordClass</c>, the record class its outcome is kept under on its own (Albuquerque 1.2: a privacy impact assessment).
    /// </summary>
    public sealed record ReviewOpened(
        string TaskId, string Role, int Stage, int Round, string ReviewerEmail, string EscalateToRole, string EscalateToEmail,
        DateTimeOffset RemindAt, DateTimeOffset EscalateAt, DateTimeOffset At,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChecklistItem>? Checklist = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordClass = null) : ToolApprovalEvent(At);

    public sealed record ReviewRecorded(string TaskId, string Role, string By, Verdict Verdict, string Comments, DateTimeOffset At)
        : ToolApprovalEvent(At);

    public sealed record ReviewReminded(string TaskId, string Role, string ReviewerEmail, DateTimeOffset At) : ToolApprovalEvent(At);

    public sealed record ReviewEscalated(
        string TaskId, string Role, string ReviewerEmail, string EscalatedToRole, string EscalatedToEmail,
        DateTimeOffset OverdueSince, DateTimeOffset At) : ToolApprovalEvent(At);

    /// <summary>Deadlines of a still-open review restart when the request comes back from remediation.</summary>
    public sealed record ReviewRescheduled(string TaskId, DateTimeOffset RemindAt, DateTimeOffset EscalateAt, DateTimeOffset At)
        : ToolApprovalEvent(At);

    /// <summary>A reviewer's finding; <c>EscalateAt</c>: when it escalates if still unresolved (Albuquerque 4.2), null when the pack names no escalation.</summary>
    public sealed record RemediationRequested(
        string TaskId, string Role, string Findings, DateTimeOffset At,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? EscalateAt = null) : ToolApprovalEvent(At);

    /// <summary>
    /// An unresolved finding went to the authority the pack names (Albuquerque 4.2): at its reviewer's request, or
    /// <paramref name="Automatic"/>ally when it was still unresolved at its <c>EscalateAt</c>.
    /// </summary>
    public sealed record FindingEscalated(
        string TaskId, string Role, string EscalatedToRole, string EscalatedToEmail, string Reason, bool Automatic, DateTimeOffset At)
        : ToolApprovalEvent(At);

    public sealed record Resubmitted(
        string By, string Response, ToolRequestForm Form, string Tier, ImmutableList<TierReason> TierReasons,
        ImmutableList<DutyNotice> Disclosures, int Round, DateTimeOffset At) : ToolApprovalEvent(At);

    /// <summary>Every review approved; roll-out waits on the union notice (Sacramento VI.A.7).</summary>
    public sealed record UnionNoticeRequired(string NoticeId, ImmutableList<string> Organizations, ImmutableList<string> Conditions, DateTimeOffset At)
        : ToolApprovalEvent(At);

    /// <summary>Adopted at once on the emergency path; notice follows at the earliest practicable time (the justification is recorded).</summary>
    public sealed record EmergencyAdoption(string NoticeId, ImmutableList<string> Organizations, string Justification, DateTimeOffset At)
        : ToolApprovalEvent(At);

    public sealed record RequestApproved(string ToolId, string Tier, ImmutableList<string> Conditions, DateTimeOffset At)
        : ToolApprovalEvent(At);

    public sealed record RequestRejected(string TaskId, string Role, string Reason, DateTimeOffset At) : ToolApprovalEvent(At);

    public sealed record RequestWithdrawn(string By, string Reason, DateTimeOffset At) : ToolApprovalEvent(At);

    /// <summary>Technical documentation added to the request and kept as its record (Sacramento VI.A.5).</summary>
    public sealed record DocumentAttached(AttachedDocument Document, DateTimeOffset At) : ToolApprovalEvent(At);
}

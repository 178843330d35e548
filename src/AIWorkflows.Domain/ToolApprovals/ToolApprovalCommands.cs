using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.ToolApprovals;

/// <summary>Commands to a tool request. Each carries its own Now: the decider never reads a clock.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(Submit), "submit")]
[JsonDerivedType(typeof(RecordReview), "record_review")]
[JsonDerivedType(typeof(Resubmit), "resubmit")]
[JsonDerivedType(typeof(Withdraw), "withdraw")]
[JsonDerivedType(typeof(ReviewDeadline), "review_deadline")]
[JsonDerivedType(typeof(UnionCleared), "union_cleared")]
[JsonDerivedType(typeof(EscalateFinding), "escalate_finding")]
[JsonDerivedType(typeof(AttachDocument), "attach_document")]
public abstract record ToolApprovalCommand(DateTimeOffset Now)
{
    public sealed record Submit(string RequestId, string ToolId, ToolRequestForm Form, DateTimeOffset Now) : ToolApprovalCommand(Now);

    /// <summary>A reviewer's decision, arriving through a task link bound to the task and the reviewer.</summary>
    public sealed record RecordReview(string TaskId, string ReviewerEmail, Verdict Verdict, string Comments, DateTimeOffset Now)
        : ToolApprovalCommand(Now);

    /// <summary>The requester answers the findings; the form may be corrected at the same time.</summary>
    public sealed record Resubmit(string By, string Response, ToolRequestForm? Form, DateTimeOffset Now) : ToolApprovalCommand(Now);

    public sealed record Withdraw(string By, string Reason, DateTimeOffset Now) : ToolApprovalCommand(Now);

    /// <summary>The union-notice workflow reports every organization waived or concluded and the lead time passed.</summary>
    public sealed record UnionCleared(string NoticeId, DateTimeOffset Now) : ToolApprovalCommand(Now);

    /// <summary>The reviewer who made a finding sends it, unresolved, to the authority the pack names (Albuquerque 4.2).</summary>
    public sealed record EscalateFinding(string TaskId, string ReviewerEmail, string Reason, DateTimeOffset Now) : ToolApprovalCommand(Now);

    /// <summary>
    /// The requester, or someone in the review, adds technical documentation (Sacramento VI.A.5); the file is
    /// already kept as a record of the request, and this refers to it.
    /// </summary>
    public sealed record AttachDocument(AttachedDocument Document, DateTimeOffset Now) : ToolApprovalCommand(Now);

    /// <summary>A timer: carries the deadline it was set for, so a timer the state has moved past decides nothing.</summary>
    public sealed record ReviewDeadline(string TaskId, DeadlineKind Kind, DateTimeOffset DueAt, DateTimeOffset Now)
        : ToolApprovalCommand(Now);
}

[JsonConverter(typeof(JsonStringEnumConverter<DeadlineKind>))]
public enum DeadlineKind
{
    [JsonStringEnumMemberName("reminder")] Reminder,
    [JsonStringEnumMemberName("escalation")] Escalation,

    /// <summary>A finding still unresolved after the pack's period (Albuquerque 4.2).</summary>
    [JsonStringEnumMemberName("finding_escalation")] FindingEscalation,
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.Domain.ToolApprovals;

// Tool approval: a department's request to use an AI tool, screened, tiered by the pack's rubric
// and reviewed by the roles its tier requires (Sacramento VI.A.3 AI Review, V.D.1 directors engage
// first; Albuquerque 4.2 risk assessment; Baltimore EO advisory group) until approved or rejected.

/// <summary>The state of one request: only the shapes that can exist.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(None), "none")]
[JsonDerivedType(typeof(InReview), "in_review")]
[JsonDerivedType(typeof(InRemediation), "remediation")]
[JsonDerivedType(typeof(AwaitingUnion), "union_notice")]
[JsonDerivedType(typeof(Approved), "approved")]
[JsonDerivedType(typeof(Rejected), "rejected")]
[JsonDerivedType(typeof(Withdrawn), "withdrawn")]
public abstract record ToolApproval
{
    public sealed record None : ToolApproval;

    public sealed record InReview(RequestCase Case, int Stage) : ToolApproval;

    /// <summary>Returned to the requester with the findings of the reviews that asked for remediation.</summary>
    public sealed record InRemediation(RequestCase Case, int Stage, ImmutableList<Finding> Findings) : ToolApproval;

    /// <summary>
    /// Approved by every reviewer, but roll-out waits on notice to the recognized employee
    /// organizations the tool affects (Sacramento VI.A.7, MMBA) until each has waived or concluded.
    /// </summary>
    public sealed record AwaitingUnion(RequestCase Case, ImmutableList<string> Conditions, ImmutableList<string> Organizations, DateTimeOffset Since)
        : ToolApproval;

    public sealed record Approved(RequestCase Case, ImmutableList<string> Conditions, DateTimeOffset At) : ToolApproval;

    public sealed record Rejected(RequestCase Case, string Role, string Reason, DateTimeOffset At) : ToolApproval;

    public sealed record Withdrawn(RequestCase Case, string By, string Reason, DateTimeOffset At) : ToolApproval;

    private ToolApproval() { }

    public string Status => this switch
    {
        InReview => "in_review",
        InRemediation => "remediation",
        AwaitingUnion => "union_notice",
        Approved => "approved",
        Rejected => "rejected",
        Withdrawn => "withdrawn",
        _ => "none",
    };

    public RequestCase? CaseOrNull => this switch
    {
        InReview r => r.Case,
        InRemediation r => r.Case,
        AwaitingUnion u => u.Case,
        Approved a => a.Case,
        Rejected r => r.Case,
        Withdrawn w => w.Case,
        _ => null,
    };
}

/// <summary>What every request carries once submitted: the answers, the tier and why, and its review tasks.</summary>
public sealed record RequestCase(
    string RequestId,
    string ToolId,
    ToolRequestForm Form,
    string Tier,
    ImmutableList<TierReason> TierReasons,
    ImmutableList<DutyNotice> Disclosures,
    DateTimeOffset SubmittedAt,
    int Round,
    ImmutableList<ReviewTask> Tasks,
    ImmutableList<AttachedDocument>? Documents = null)
{
    /// <summary>Technical documentation added to the request (Sacramento VI.A.5); none on requests stored before there was any.</summary>
    public ImmutableList<AttachedDocument> DocumentsOrEmpty => Documents ?? [];

    public ReviewTask? Task(string taskId) => Tasks.FirstOrDefault(t => t.TaskId == taskId);

    public RequestCase WithTask(ReviewTask task) =>
        this with { Tasks = Tasks.Select(t => t.TaskId == task.TaskId ? task : t).ToImmutableList() };
}

/// <summary>One role's review in one round. A new round for the same role is a new task with a new link.</summary>
public sealed record ReviewTask(
    string TaskId,
    string Role,
    int Stage,
    int Round,
    string ReviewerEmail,
    string EscalateToRole,
    string EscalateToEmail,
    DateTimeOffset OpenedAt,
    DateTimeOffset RemindAt,
    DateTimeOffset EscalateAt,
    bool Reminded,
    bool Escalated,
    bool Superseded,
    ReviewOutcome? Outcome,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ChecklistItem>? Checklist = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RecordClass = null)
{
    public bool IsOpen => Outcome is null && !Superseded;
}

public sealed record ReviewOutcome(Verdict Verdict, string Comments, string By, DateTimeOffset At);

/// <summary>
/// A reviewer's finding the requester must remedy; <c>EscalateAt</c> is when it escalates if still unresolved (null when
/// the pack names no escalation), <c>Escalated</c> once it has (Albuquerque 4.2).
/// </summary>
public sealed record Finding(string TaskId, string Role, string Comments, DateTimeOffset At, DateTimeOffset? EscalateAt = null, bool Escalated = false);

/// <summary>
/// Why the request has its tier, as recorded at submission. <c>Assumed</c>: blank answers the rule
/// counted as the pack's declared answer ("not answered: counted as ..."); <c>Reviews</c>: the review
/// steps the rule added (Sacramento VII.E: the CIO). Both null when the rule did neither.
/// </summary>
public sealed record TierReason(
    string RuleId,
    string Tier,
    string Reason,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AssumedAnswer>? Assumed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReviewStep>? Reviews = null);

public sealed record DutyNotice(string Id, string Text, string Source);

[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("approve")] Approve,
    [JsonStringEnumMemberName("approve_with_conditions")] ApproveWithConditions,
    [JsonStringEnumMemberName("request_remediation")] RequestRemediation,
    [JsonStringEnumMemberName("reject")] Reject,
}

/// <summary>
/// A file of technical documentation, kept as a record of the request (record class <c>submission</c>:
/// "Tool request and technical documentation"); <c>RecordId</c> comes from its content, so the same file
/// sent twice is one record and one document.
/// </summary>
public sealed record AttachedDocument(string RecordId, string Title, string FileName, string Sha256, long Size, string By);

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.AccessGrants;

// Access to an approved tool: granted only after the employee's training and the signed
// "Ethical Use of AI" agreement (Albuquerque 5.1), with the department head's consent (Albuquerque
// 4.1), and only for tools in service (Sacramento VI.B); lapses when training does.

[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(None), "none")]
[JsonDerivedType(typeof(Pending), "pending")]
[JsonDerivedType(typeof(Granted), "granted")]
[JsonDerivedType(typeof(Ended), "ended")]
public abstract record AccessGrant
{
    public sealed record None : AccessGrant;

    /// <summary>Requested; waiting on one or more requirements.</summary>
    public sealed record Pending(GrantFile File) : AccessGrant;

    public sealed record Granted(GrantFile File, DateTimeOffset GrantedAt, DateTimeOffset ExpiresAt, DateTimeOffset RemindAt, bool Reminded) : AccessGrant;

    /// <summary>Revoked, lapsed or refused; a new request starts again.</summary>
    public sealed record Ended(GrantFile File, string Reason, DateTimeOffset At) : AccessGrant;

    private AccessGrant() { }

    public string Status => this switch
    {
        Pending => "pending",
        Granted => "granted",
        Ended e => e.Reason.StartsWith("refused", StringComparison.Ordinal) ? "refused" : "ended",
        _ => "none",
    };

    public GrantFile? FileOrNull => this switch
    {
        Pending p => p.File,
        Granted g => g.File,
        Ended e => e.File,
        _ => null,
    };
}

/// <summary>Everything the grant decision rests on: what is required and what has been shown.</summary>
public sealed record GrantFile(
    string GrantId,
    string ToolId,
    string ToolName,
    string EmployeeEmail,
    string Department,
    Requirements Required,
    ImmutableDictionary<string, DateOnly> Completions,
    Signature? Agreement,
    Consent? DepartmentHead,
    bool ToolInService,
    DateTimeOffset RequestedAt,
    GrantDecision? Grantor = null);

/// <summary>The pack's requirements when the request was made: courses with validity, agreement text hash, consent.</summary>
/// <remarks>
/// <c>GrantedBy</c> names who grants access as its own, last step (Albuquerque 4.1: DTI); null when access
/// follows from the requirements alone. Added later: files stored before it read as null, their flow unchanged.
/// </remarks>
public sealed record Requirements(
    ImmutableList<RequiredCourse> Courses, string? AgreementTitle, string? AgreementSha256, bool DepartmentHeadConsent, int ReminderDays,
    string? GrantedBy = null);

public sealed record RequiredCourse(string Id, string Title, int ValidMonths);

/// <summary>Who signed which text (by its SHA-256) and when.</summary>
public sealed record Signature(string By, string TextSha256, DateTimeOffset At);

public sealed record Consent(string By, bool Given, string Comments, DateTimeOffset At);

/// <summary>The granting office's decision (Albuquerque 4.1: DTI): who, when, and a note (the account set up, or why refused).</summary>
public sealed record GrantDecision(string By, bool Granted, string Note, DateTimeOffset At);

[JsonConverter(typeof(JsonStringEnumConverter<GrantDeadline>))]
public enum GrantDeadline
{
    [JsonStringEnumMemberName("reminder")] Reminder,
    [JsonStringEnumMemberName("expiry")] Expiry,
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.Reassessments;

// A tool in service and its re-assessment cycle: reviewed more often the higher its risk
// (Albuquerque 4.3), listed in the public register (Albuquerque 6.2/6.7, Sacramento IV.D),
// suspended when a severe incident is reported (Sacramento VII.B) or a review is long overdue; a report
// from someone not signed in is held for the AI officer's triage before it can act on the tool.

[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(None), "none")]
[JsonDerivedType(typeof(InService), "in_service")]
[JsonDerivedType(typeof(Retired), "retired")]
public abstract record ToolLifecycle
{
    public sealed record None : ToolLifecycle;

    /// <summary>Approved or registered; <c>Suspension</c> set while its use is stopped.</summary>
    public sealed record InService(
        ToolProfile Profile,
        DateTimeOffset RegisteredAt,
        ReviewSchedule Schedule,
        OpenReassessment? Open,
        Suspension? Suspension,
        DateTimeOffset? LastReviewedAt,
        ImmutableList<IncidentNote> Incidents) : ToolLifecycle;

    public sealed record Retired(ToolProfile Profile, DateTimeOffset RegisteredAt, string By, string Reason, DateTimeOffset At, DateTimeOffset? LastReviewedAt) : ToolLifecycle;

    private ToolLifecycle() { }

    /// <summary>Register status: approved, pilot, suspended or retired.</summary>
    public string Status => this switch
    {
        InService { Suspension: not null } => "suspended",
        InService s => s.Profile.Stage == "pilot" ? "pilot" : "approved",
        Retired => "retired",
        _ => "none",
    };

    public ToolProfile? ProfileOrNull => this switch
    {
        InService s => s.Profile,
        Retired r => r.Profile,
        _ => null,
    };
}

/// <summary>
/// What the register and the re-assessment need to know about a tool. <c>WorkingConditionsImpact</c>: "unknown" for an
/// import until labor relations classifies it ("yes" or "no"); null for an approved tool (its request answered it).
/// </summary>
public sealed record ToolProfile(
    string ToolId,
    string? RequestId,
    string Name,
    string Vendor,
    string Department,
    string Purpose,
    string HumanOversight,
    IReadOnlyList<string> DataCategories,
    bool PublicFacing,
    bool GenerativeAi,
    string DecisionImpact,
    string Stage,
    string Tier,
    string OwnerEmail,
    IReadOnlyList<string> Disclosures,
    IReadOnlyList<string> Conditions,
    string Origin,
    string? ExternalId,
    string? WorkingConditionsImpact = null)
{
    /// <summary>Sacramento VI.A.7: an imported tool's effect on working conditions is not known until labor relations classifies it.</summary>
    public const string ImpactUnknown = "unknown";

    public bool ImpactIsUnknown => WorkingConditionsImpact == ImpactUnknown;
}

/// <summary>When the next re-assessment is due and when each step of its clock fires.</summary>
public sealed record ReviewSchedule(int Cycle, DateTimeOffset OpenAt, DateTimeOffset DueAt, DateTimeOffset EscalateAt, DateTimeOffset SuspendAt);

/// <summary>A re-assessment in progress: the owner attests, then the AI officer decides.</summary>
public sealed record OpenReassessment(
    int Cycle,
    string Reason,
    DateTimeOffset OpenedAt,
    DateTimeOffset DueAt,
    string OwnerTaskId,
    Attestation? Attestation,
    string? OfficerTaskId,
    bool Escalated);

public sealed record Attestation(string By, string Use, string DataChanges, string IncidentsSince, DateTimeOffset At);

public sealed record Suspension(string Reason, string Detail, DateTimeOffset Since);

/// <summary>
/// An incident on the tool's record; <c>Triage</c> is set when its reporter was not signed in; <c>Kind</c> is the
/// pack's incident kind the reporter chose, if any.
/// </summary>
public sealed record IncidentNote(string IncidentId, string Severity, DateTimeOffset At, IncidentTriage? Triage = null, string? Kind = null)
{
    /// <summary><c>reported</c> (acted on as reported), <c>awaiting_triage</c>, <c>confirmed</c> or <c>dismissed</c>.</summary>
    public string Status => Triage switch
    {
        null => "reported",
        { Confirmed: null } => "awaiting_triage",
        { Confirmed: true } => "confirmed",
        _ => "dismissed",
    };
}

/// <summary>
/// A report held for the AI officer because its reporter was not signed in: the report as made (acted on
/// only once confirmed), the officer's task, and the officer's answer once given.
/// </summary>
public sealed record IncidentTriage(
    string TaskId, string ReporterEmail, string? SupervisorEmail, string Description,
    bool? Confirmed = null, string? By = null, string? Comments = null, DateTimeOffset? DecidedAt = null);

[JsonConverter(typeof(JsonStringEnumConverter<ReassessmentOutcome>))]
public enum ReassessmentOutcome
{
    [JsonStringEnumMemberName("continue")] Continue,
    [JsonStringEnumMemberName("suspend")] Suspend,
    [JsonStringEnumMemberName("retire")] Retire,
}

[JsonConverter(typeof(JsonStringEnumConverter<LifecycleDeadline>))]
public enum LifecycleDeadline
{
    [JsonStringEnumMemberName("open")] Open,
    [JsonStringEnumMemberName("escalate")] Escalate,
    [JsonStringEnumMemberName("suspend")] Suspend,
}

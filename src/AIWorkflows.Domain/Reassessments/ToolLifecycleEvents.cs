using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.Reassessments;

/// <summary>What happened to a tool in service: the stored audit trail (contracts; change with care).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(Registered), "registered")]
[JsonDerivedType(typeof(ReassessmentScheduled), "reassessment_scheduled")]
[JsonDerivedType(typeof(ReassessmentOpened), "reassessment_opened")]
[JsonDerivedType(typeof(Attested), "attested")]
[JsonDerivedType(typeof(ReassessmentEscalated), "reassessment_escalated")]
[JsonDerivedType(typeof(ReassessmentCompleted), "reassessment_completed")]
[JsonDerivedType(typeof(TierChanged), "tier_changed")]
[JsonDerivedType(typeof(ToolSuspended), "suspended")]
[JsonDerivedType(typeof(ToolReinstated), "reinstated")]
[JsonDerivedType(typeof(IncidentReported), "incident_reported")]
[JsonDerivedType(typeof(IncidentHeldForTriage), "incident_held_for_triage")]
[JsonDerivedType(typeof(IncidentTriaged), "incident_triaged")]
[JsonDerivedType(typeof(IncidentRolesNotified), "incident_roles_notified")]
[JsonDerivedType(typeof(ToolRetired), "retired")]
[JsonDerivedType(typeof(ImpactClassified), "impact_classified")]
[JsonDerivedType(typeof(PromotedToProduction), "promoted_to_production")]
public abstract record ToolLifecycleEvent(DateTimeOffset At)
{
    public sealed record Registered(ToolProfile Profile, DateTimeOffset At) : ToolLifecycleEvent(At);

    public sealed record ReassessmentScheduled(ReviewSchedule Schedule, string Why, DateTimeOffset At) : ToolLifecycleEvent(At);

    public sealed record ReassessmentOpened(int Cycle, string Reason, string OwnerTaskId, string OwnerEmail, DateTimeOffset DueAt, DateTimeOffset At)
        : ToolLifecycleEvent(At);

    public sealed record Attested(int Cycle, Attestation Attestation, string OfficerTaskId, DateTimeOffset At) : ToolLifecycleEvent(At);

    public sealed record ReassessmentEscalated(int Cycle, DateTimeOffset DueAt, DateTimeOffset At) : ToolLifecycleEvent(At);

    public sealed record ReassessmentCompleted(int Cycle, string By, ReassessmentOutcome Outcome, string Tier, string Comments, DateTimeOffset At)
        : ToolLifecycleEvent(At);

    public sealed record TierChanged(string From, string To, DateTimeOffset At) : ToolLifecycleEvent(At);

    public sealed record ToolSuspended(string Reason, string Detail, DateTimeOffset At) : ToolLifecycleEvent(At);

    public sealed record ToolReinstated(DateTimeOffset At) : ToolLifecycleEvent(At);

    public sealed record IncidentReported(
        string IncidentId, string ReporterEmail, string? SupervisorEmail, string Severity, string Description, bool Severe, DateTimeOffset At, string? Kind = null)
        : ToolLifecycleEvent(At);

    /// <summary>A report from someone not signed in: nothing changes until the AI officer answers <paramref name="TaskId"/>.</summary>
    public sealed record IncidentHeldForTriage(
        string IncidentId, string ReporterEmail, string? SupervisorEmail, string Severity, string Description, string TaskId, DateTimeOffset At,
        string? Kind = null)
        : ToolLifecycleEvent(At);

    /// <summary>The AI officer confirmed (an <see cref="IncidentReported"/> follows) or dismissed a held report.</summary>
    public sealed record IncidentTriaged(string IncidentId, string By, bool Confirmed, string Comments, DateTimeOffset At) : ToolLifecycleEvent(At);

    /// <summary>
    /// The roles the pack names for the incident's kind were told (Sacramento VI.A.6: the ISO, of a cybersecurity incident).
    /// <paramref name="Status"/> is where the report stands: <c>reported</c>, <c>awaiting_triage</c>, <c>confirmed</c> or <c>dismissed</c>.
    /// </summary>
    public sealed record IncidentRolesNotified(
        string IncidentId, string Kind, IReadOnlyList<string> Roles, string Status, string Severity, string ReporterEmail, string Description, DateTimeOffset At)
        : ToolLifecycleEvent(At);

    public sealed record ToolRetired(string By, string Reason, DateTimeOffset At) : ToolLifecycleEvent(At);

    /// <summary>Sacramento VI.A.7: labor relations classified the tool's effect on working conditions.</summary>
    public sealed record ImpactClassified(string Impact, string By, DateTimeOffset At) : ToolLifecycleEvent(At);

    /// <summary>A pilot's production request was approved: the approved profile replaces the pilot's.</summary>
    public sealed record PromotedToProduction(string? PilotRequestId, ToolProfile Profile, DateTimeOffset At) : ToolLifecycleEvent(At);
}

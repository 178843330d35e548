using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.Reassessments;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(Register), "register")]
[JsonDerivedType(typeof(Attest), "attest")]
[JsonDerivedType(typeof(CompleteReassessment), "complete")]
[JsonDerivedType(typeof(ReportIncident), "report_incident")]
[JsonDerivedType(typeof(TriageIncident), "triage_incident")]
[JsonDerivedType(typeof(Retire), "retire")]
[JsonDerivedType(typeof(ClassifyImpact), "classify_impact")]
[JsonDerivedType(typeof(Deadline), "deadline")]
public abstract record ToolLifecycleCommand(DateTimeOffset Now)
{
    /// <summary>
    /// Enters the tool in service. After an approval the first re-assessment follows the tier's
    /// cadence; an imported tool passes <paramref name="FirstDueAt"/> to be reviewed soon.
    /// </summary>
    public sealed record Register(ToolProfile Profile, DateTimeOffset? FirstDueAt, DateTimeOffset Now) : ToolLifecycleCommand(Now);

    /// <summary>The tool owner attests use, data and incidents since the last review.</summary>
    public sealed record Attest(string TaskId, string By, string Use, string DataChanges, string IncidentsSince, DateTimeOffset Now)
        : ToolLifecycleCommand(Now);

    /// <summary>The AI officer's decision; a new tier re-schedules by that tier's cadence.</summary>
    public sealed record CompleteReassessment(
        string TaskId, string By, ReassessmentOutcome Outcome, string? NewTier, string Comments, DateTimeOffset Now) : ToolLifecycleCommand(Now);

    /// <summary>
    /// An incident report; <paramref name="SignedIn"/> when the reporter is a signed-in city identity;
    /// <paramref name="Kind"/> one of the pack's incident kinds, or null when the reporter chose none.
    /// </summary>
    public sealed record ReportIncident(
        string IncidentId, string ReporterEmail, string? SupervisorEmail, string Severity, string Description, bool SignedIn, DateTimeOffset Now,
        string? Kind = null)
        : ToolLifecycleCommand(Now);

    /// <summary>The AI officer's answer to a report held for triage: confirm (then it is acted on) or dismiss.</summary>
    public sealed record TriageIncident(string IncidentId, string TaskId, string By, bool Confirm, string Comments, DateTimeOffset Now)
        : ToolLifecycleCommand(Now);

    public sealed record Retire(string By, string Reason, DateTimeOffset Now) : ToolLifecycleCommand(Now);

    /// <summary>Labor relations says whether a tool whose impact was unknown affects working conditions ("yes" or "no").</summary>
    public sealed record ClassifyImpact(string Impact, string By, DateTimeOffset Now) : ToolLifecycleCommand(Now);

    /// <summary>A timer; carries the cycle and the instant it was set for.</summary>
    public sealed record Deadline(LifecycleDeadline Kind, int Cycle, DateTimeOffset DueAt, DateTimeOffset Now) : ToolLifecycleCommand(Now);
}

using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.AccessGrants;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(AccessRequested), "requested")]
[JsonDerivedType(typeof(TrainingRecorded), "training_recorded")]
[JsonDerivedType(typeof(AgreementSigned), "agreement_signed")]
[JsonDerivedType(typeof(ConsentRecorded), "consent_recorded")]
[JsonDerivedType(typeof(GrantDecided), "grant_decided")]
[JsonDerivedType(typeof(ToolAvailabilityChanged), "tool_availability_changed")]
[JsonDerivedType(typeof(AccessGranted), "granted")]
[JsonDerivedType(typeof(ExpiryReminded), "expiry_reminded")]
[JsonDerivedType(typeof(AccessLapsed), "lapsed")]
[JsonDerivedType(typeof(AccessEnded), "ended")]
public abstract record AccessGrantEvent(DateTimeOffset At)
{
    public sealed record AccessRequested(GrantFile File, DateTimeOffset At) : AccessGrantEvent(At);

    public sealed record TrainingRecorded(string CourseId, DateOnly CompletedOn, DateTimeOffset At) : AccessGrantEvent(At);

    public sealed record AgreementSigned(Signature Signature, DateTimeOffset At) : AccessGrantEvent(At);

    public sealed record ConsentRecorded(Consent Consent, DateTimeOffset At) : AccessGrantEvent(At);

    public sealed record GrantDecided(GrantDecision Decision, DateTimeOffset At) : AccessGrantEvent(At);

    public sealed record ToolAvailabilityChanged(bool InService, string Status, DateTimeOffset At) : AccessGrantEvent(At);

    /// <summary>All requirements hold; the grant lasts until the first required course lapses.</summary>
    public sealed record AccessGranted(DateTimeOffset ExpiresAt, DateTimeOffset RemindAt, DateTimeOffset At) : AccessGrantEvent(At);

    public sealed record ExpiryReminded(DateTimeOffset ExpiresAt, DateTimeOffset At) : AccessGrantEvent(At);

    /// <summary>Use stops until what lapsed is renewed (a course out of date, the tool suspended); then access returns by itself.</summary>
    public sealed record AccessLapsed(string Reason, DateTimeOffset At) : AccessGrantEvent(At);

    public sealed record AccessEnded(string Reason, DateTimeOffset At) : AccessGrantEvent(At);
}

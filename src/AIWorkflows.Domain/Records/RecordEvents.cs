using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.Records;

/// <summary>
/// What happened to a record: its retention history, read back by records officers and auditors
/// for as long as the certificate is kept. Add events or optional fields; never change old meanings.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(RecordRegistered), "registered")]
[JsonDerivedType(typeof(RetentionStarted), "retention_started")]
[JsonDerivedType(typeof(HoldPlaced), "hold_placed")]
[JsonDerivedType(typeof(HoldReleased), "hold_released")]
[JsonDerivedType(typeof(DispositionDeferred), "disposition_deferred")]
[JsonDerivedType(typeof(DispositionReviewOpened), "disposition_review_opened")]
[JsonDerivedType(typeof(RetentionExtended), "retention_extended")]
[JsonDerivedType(typeof(RecordDisposed), "disposed")]
public abstract record RecordEvent(DateTimeOffset At)
{
    public sealed record RecordRegistered(RecordFacts Record, RetentionClock Clock, DateTimeOffset At) : RecordEvent(At);

    public sealed record RetentionStarted(string Trigger, DateTimeOffset StartedAt, DateTimeOffset EndsAt, DateTimeOffset At) : RecordEvent(At);

    public sealed record HoldPlaced(LegalHold Hold, DateTimeOffset At) : RecordEvent(At);

    public sealed record HoldReleased(string HoldId, string By, string Reason, DateTimeOffset At) : RecordEvent(At);

    /// <summary>Retention ended while the record was on hold: nothing is reviewed until every hold is released.</summary>
    public sealed record DispositionDeferred(DateTimeOffset DueAt, ImmutableList<string> HoldIds, DateTimeOffset At) : RecordEvent(At);

    public sealed record DispositionReviewOpened(DateTimeOffset DueAt, DateTimeOffset At) : RecordEvent(At);

    public sealed record RetentionExtended(DateTimeOffset PreviousEnd, DateTimeOffset NewEnd, string By, string Reason, DateTimeOffset At)
        : RecordEvent(At);

    /// <summary>The content is to be destroyed; the certificate (a permanent record) names it, its hashes and the authority.</summary>
    public sealed record RecordDisposed(
        string By, string Reason, string Authority, string CertificateId, ImmutableList<RecordContent> Contents, DateTimeOffset At)
        : RecordEvent(At);
}

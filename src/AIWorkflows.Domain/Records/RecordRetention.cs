using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.Records;

// Records retention: every artifact the workflows keep is a record of a class in the pack's retention
// schedule (Albuquerque 3.1-3.2; Sacramento VI.A.5 technical documentation), kept until its period ends,
// never disposed of while on legal hold, and disposed of only by a records officer, leaving a certificate.

/// <summary>The retention state of one record: only the shapes that can exist.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(None), "none")]
[JsonDerivedType(typeof(Kept), "kept")]
[JsonDerivedType(typeof(InReview), "in_review")]
[JsonDerivedType(typeof(Disposed), "disposed")]
public abstract record RecordRetention
{
    public sealed record None : RecordRetention;

    /// <summary>
    /// Kept: its clock running, waiting for the event that starts it, or permanent; maybe on hold.
    /// <c>DeferredFor</c>: the end of retention whose review a hold deferred, so it is deferred once.
    /// </summary>
    public sealed record Kept(RecordFacts Record, RetentionClock Clock, ImmutableList<LegalHold> Holds, DateTimeOffset? DeferredFor = null) : RecordRetention;

    /// <summary>Retention has ended and no hold applies: a records officer decides to dispose or to extend.</summary>
    public sealed record InReview(RecordFacts Record, RetentionClock Clock, DateTimeOffset OpenedAt) : RecordRetention;

    /// <summary>The content is destroyed; what it was, its hashes and the certificate id stay.</summary>
    public sealed record Disposed(RecordFacts Record, RetentionClock Clock, Disposal Disposal) : RecordRetention;

    private RecordRetention() { }

    public string Status => this switch
    {
        Kept { Holds.Count: > 0 } => "on_hold",
        Kept => "kept",
        InReview => "disposition_review",
        Disposed => "disposed",
        _ => "none",
    };

    public RecordFacts? RecordOrNull => this switch
    {
        Kept k => k.Record,
        InReview r => r.Record,
        Disposed d => d.Record,
        _ => null,
    };

    public RetentionClock? ClockOrNull => this switch
    {
        Kept k => k.Clock,
        InReview r => r.Clock,
        Disposed d => d.Clock,
        _ => null,
    };

    public ImmutableList<LegalHold> ActiveHolds => this is Kept k ? k.Holds : [];
}

/// <summary>What a record is, as registered: enough to find it, verify it and certify its destruction.</summary>
public sealed record RecordFacts(
    string RecordId,
    string RecordClass,
    string Title,
    string ToolId,
    string? RequestId,
    string Department,
    DateTimeOffset CreatedAt,
    ImmutableList<RecordContent> Contents);

/// <summary>One stored form of the record (the first is the record of reference) with its SHA-256 at registration.</summary>
public sealed record RecordContent(string BlobName, string ContentType, long Size, string Sha256);

/// <summary>
/// The schedule line the record falls under, copied at registration (the pack may change, the record's
/// terms may not), and where its clock stands. <c>EndsAt</c> is null while permanent or not yet started.
/// </summary>
public sealed record RetentionClock(
    string ClassTitle,
    int? Years,
    bool Permanent,
    string StartsOn,
    string Source,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndsAt)
{
    public string Authority => Permanent
        ? $"{ClassTitle}: permanent ({Source})"
        : $"{ClassTitle}: {Years} years from {StartsOn.Replace('_', ' ')} ({Source})";
}

/// <summary>A legal hold; <c>Scope</c> "tool" when it was placed on every record of the tool.</summary>
public sealed record LegalHold(string HoldId, string Reason, string By, string Scope, DateTimeOffset PlacedAt);

public sealed record Disposal(string By, string Reason, string Authority, string CertificateId, DateTimeOffset At);

/// <summary>The events that can start a retention clock (the pack's <c>startsOn</c>).</summary>
public static class RetentionTriggers
{
    public const string Created = "created";
    public const string ToolRetired = "tool_retired";
    public const string Superseded = "superseded";
}

public static class HoldScopes
{
    public const string Record = "record";
    public const string Tool = "tool";
}

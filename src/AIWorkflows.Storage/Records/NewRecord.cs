namespace AIWorkflows.Storage.Records;

/// <summary>
/// An artifact to keep as a public record: its bytes, what it is, whom it concerns and how long it
/// is kept. <c>RetentionEnd</c> is null while the event that starts the clock (e.g. the tool's
/// retirement) has not happened yet. The retention workflow recomputes it from the pack's schedule.
/// </summary>
public sealed record NewRecord(
    string RecordId,
    string RecordClass,
    string Title,
    string ToolId,
    string? RequestId,
    string Department,
    DateTimeOffset CreatedAt,
    string RetentionStartsOn,
    DateTimeOffset? RetentionEnd,
    IReadOnlyList<Rendition> Renditions);

/// <summary>One form of a record's content; the first rendition is the record of reference.</summary>
public sealed record Rendition(string Extension, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>
/// A record as the index holds it: enough to find, verify and dispose of it without opening the blob.
/// <c>Status</c> is kept, on_hold, disposition_review or disposed; <c>Holds</c> the active holds' reasons.
/// </summary>
public sealed record RecordEntry(
    string RecordId,
    string RecordClass,
    string Title,
    string ToolId,
    string? RequestId,
    string Department,
    DateTimeOffset CreatedAt,
    string RetentionStartsOn,
    DateTimeOffset? RetentionEnd,
    IReadOnlyList<StoredRendition> Renditions,
    string Status = "kept",
    IReadOnlyList<HoldSummary>? Holds = null,
    string? Authority = null,
    DateTimeOffset? DisposedAt = null,
    string? CertificateId = null)
{
    public IReadOnlyList<HoldSummary> ActiveHolds => Holds ?? [];
}

public sealed record StoredRendition(string BlobName, string ContentType, long Size, string Sha256);

public sealed record HoldSummary(string HoldId, string Reason, string By, string Scope, DateTimeOffset PlacedAt);

/// <summary>A records officer's search; every part is optional and they combine with "and".</summary>
public sealed record RecordQuery(
    string? ToolId = null,
    string? RecordClass = null,
    string? Department = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Text = null,
    string? Status = null);

namespace AIWorkflows.Storage.Records;

/// <summary>
/// An artifact to keep as a public record: its bytes, what it is, whom it concerns and how long it
/// is kept. <c>RetentionEnd</c> is null while the event that starts the clock (e.g. the tool's
/// retirement) has not happened yet.
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

/// <summary>A record as the index holds it: enough to find, verify and dispose of it without opening the blob.</summary>
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
    IReadOnlyList<StoredRendition> Renditions);

public sealed record StoredRendition(string BlobName, string ContentType, long Size, string Sha256);

using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

/// <summary>A record as the API shows it: its index entry and where to get its content.</summary>
public sealed record RecordView(
    string Id,
    string RecordClass,
    string Title,
    string ToolId,
    string? RequestId,
    string Department,
    DateTimeOffset CreatedAt,
    string Status,
    string RetentionStartsOn,
    DateTimeOffset? RetentionEnd,
    string? Authority,
    IReadOnlyList<HoldSummary> Holds,
    IReadOnlyList<RecordView.File> Files,
    DateTimeOffset? DisposedAt,
    string? CertificateId)
{
    public sealed record File(string Name, string ContentType, long Size, string Sha256, string? ContentUrl);

    public static RecordView From(RecordEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var url = $"/api/records/{Uri.EscapeDataString(e.RecordId)}/content";
        return new(e.RecordId, e.RecordClass, e.Title, e.ToolId, e.RequestId, e.Department, e.CreatedAt, e.Status, e.RetentionStartsOn,
            e.RetentionEnd, e.Authority, e.ActiveHolds,
            [.. e.Renditions.Select(r => new File(Path.GetFileName(r.BlobName), r.ContentType, r.Size, r.Sha256,
                e.Status == "disposed" ? null : $"{url}?format={Path.GetExtension(r.BlobName).TrimStart('.')}"))],
            e.DisposedAt, e.CertificateId);
    }
}

public sealed record RecordDetailsView(RecordView Record, IReadOnlyList<RecordHistoryEntry> History)
{
    public static RecordDetailsView From(RecordDetails d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(RecordView.From(d.Entry), d.History);
    }
}

using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

/// <summary>The index row of a record as its retention state has it: what search and the pages show.</summary>
public static class RecordProjection
{
    public static RecordEntry? From(RecordRetention state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.RecordOrNull is not { } r || state.ClockOrNull is not { } clock) return null;
        var disposal = (state as RecordRetention.Disposed)?.Disposal;
        return new RecordEntry(r.RecordId, r.RecordClass, r.Title, r.ToolId, r.RequestId, r.Department, r.CreatedAt,
            clock.StartsOn, clock.EndsAt, [.. r.Contents.Select(c => new StoredRendition(c.BlobName, c.ContentType, c.Size, c.Sha256))],
            state.Status, [.. state.ActiveHolds.Select(h => new HoldSummary(h.HoldId, h.Reason, h.By, h.Scope, h.PlacedAt))],
            clock.Authority, disposal?.At, disposal?.CertificateId);
    }

    public static RecordFacts Facts(NewRecord record, IReadOnlyList<StoredRendition> stored)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RecordFacts(record.RecordId, record.RecordClass, record.Title, record.ToolId, record.RequestId, record.Department,
            record.CreatedAt, [.. stored.Select(s => new RecordContent(s.BlobName, s.ContentType, s.Size, s.Sha256))]);
    }
}

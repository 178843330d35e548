using System.Text.Json;
using AIWorkflows.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Records;

/// <summary>
/// What applies to every record of a tool: its standing legal holds and its retirement. One row per
/// tool (table RecordTools), changed under its ETag. Records kept after a hold or a retirement read it.
/// </summary>
public sealed class RecordTools(TableClient table)
{
    private const string RowKey = "tool";

    public async Task<ToolRecordFacts> GetAsync(string toolId, CancellationToken cancellationToken)
    {
        var e = await table.GetEntityIfExistsAsync<TableEntity>(toolId, RowKey, cancellationToken: cancellationToken);
        return e.HasValue && e.Value is not null ? Read(e.Value) : new ToolRecordFacts(toolId, [], null);
    }

    /// <summary>Read, change, write under the ETag; a concurrent change re-reads. Returns the facts as written.</summary>
    public async Task<ToolRecordFacts> UpdateAsync(string toolId, Func<ToolRecordFacts, ToolRecordFacts> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var e = await table.GetEntityIfExistsAsync<TableEntity>(toolId, RowKey, cancellationToken: cancellationToken);
            var current = e.HasValue && e.Value is not null ? Read(e.Value) : new ToolRecordFacts(toolId, [], null);
            var next = change(current);
            if (next == current) return current;
            var row = new TableEntity(toolId, RowKey) { ["RetiredAt"] = next.RetiredAt };
            LongText.Write(row, "Holds", JsonSerializer.Serialize(next.Holds, StoredJson.Options));
            try
            {
                if (e.HasValue && e.Value is not null) await table.UpdateEntityAsync(row, e.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                else await table.AddEntityAsync(row, cancellationToken);
                return next;
            }
            catch (RequestFailedException x) when (x.Status is 409 or 412 && attempt < 10)
            {
                // Someone else changed the tool's row first: read again and re-apply.
            }
        }
    }

    private static ToolRecordFacts Read(TableEntity e) => new(
        e.PartitionKey, JsonSerializer.Deserialize<List<HoldSummary>>(LongText.Read(e, "Holds") ?? "[]") ?? [], e.GetDateTimeOffset("RetiredAt"));
}

/// <summary>A tool's standing holds (each also placed on every record of the tool) and when it was retired.</summary>
public sealed record ToolRecordFacts(string ToolId, IReadOnlyList<HoldSummary> Holds, DateTimeOffset? RetiredAt)
{
    public bool Equals(ToolRecordFacts? other) =>
        other is not null && ToolId == other.ToolId && RetiredAt == other.RetiredAt && Holds.SequenceEqual(other.Holds);

    public override int GetHashCode() => HashCode.Combine(ToolId, RetiredAt, Holds.Count);
}

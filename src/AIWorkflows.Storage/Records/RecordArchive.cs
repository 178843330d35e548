using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AIWorkflows.Storage.Records;

/// <summary>
/// Blob per rendition under records/{toolId}/{recordClass}/{recordId}.{ext}, with metadata that says
/// what it is even without the index; one index row per record in table Records (PartitionKey = tool).
/// </summary>
public sealed class RecordArchive(BlobContainerClient container, TableClient index) : IRecordArchive
{
    public async Task<RecordEntry> ArchiveAsync(NewRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.RecordId.StartsWith(record.ToolId + ".", StringComparison.Ordinal))
            throw new ArgumentException($"Record id '{record.RecordId}' must start with its tool id '{record.ToolId}.'.", nameof(record));
        var stored = new List<StoredRendition>();
        foreach (var r in record.Renditions)
        {
            var name = $"{record.ToolId}/{record.RecordClass}/{record.RecordId}.{r.Extension}";
            var sha = Convert.ToHexStringLower(SHA256.HashData(r.Content.Span));
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(r.Content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = r.ContentType },
                Metadata = new Dictionary<string, string>
                {
                    ["recordid"] = record.RecordId, ["recordclass"] = record.RecordClass, ["toolid"] = record.ToolId,
                    ["requestid"] = record.RequestId ?? "", ["sha256"] = sha,
                    ["createdat"] = record.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                },
            }, cancellationToken);
            stored.Add(new StoredRendition(name, r.ContentType, r.Content.Length, sha));
        }
        var entry = new RecordEntry(record.RecordId, record.RecordClass, record.Title, record.ToolId, record.RequestId,
            record.Department, record.CreatedAt, record.RetentionStartsOn, record.RetentionEnd, stored);
        await index.UpsertEntityAsync(ToEntity(entry), TableUpdateMode.Replace, cancellationToken);
        return entry;
    }

    public async Task<IReadOnlyList<RecordEntry>> ListAsync(string? toolId, string? recordClass, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (!string.IsNullOrEmpty(toolId)) filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {toolId}"));
        if (!string.IsNullOrEmpty(recordClass)) filters.Add(TableClient.CreateQueryFilter($"RecordClass eq {recordClass}"));
        var result = new List<RecordEntry>();
        await foreach (var e in index.QueryAsync<TableEntity>(filters.Count == 0 ? null : string.Join(" and ", filters), cancellationToken: cancellationToken))
            result.Add(FromEntity(e));
        return result;
    }

    public async Task<RecordEntry?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        var dot = recordId?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0) return null;
        try
        {
            var e = await index.GetEntityAsync<TableEntity>(recordId![..dot], recordId, cancellationToken: cancellationToken);
            return FromEntity(e.Value);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static TableEntity ToEntity(RecordEntry r) => new(r.ToolId, r.RecordId)
    {
        ["RecordClass"] = r.RecordClass, ["Title"] = r.Title, ["RequestId"] = r.RequestId, ["Department"] = r.Department,
        ["CreatedAt"] = r.CreatedAt, ["RetentionStartsOn"] = r.RetentionStartsOn, ["RetentionEnd"] = r.RetentionEnd,
        ["Renditions"] = JsonSerializer.Serialize(r.Renditions),
    };

    private static RecordEntry FromEntity(TableEntity e) => new(
        e.RowKey, e.GetString("RecordClass"), e.GetString("Title"), e.PartitionKey, e.GetString("RequestId"), e.GetString("Department") ?? "",
        e.GetDateTimeOffset("CreatedAt") ?? default, e.GetString("RetentionStartsOn") ?? "created", e.GetDateTimeOffset("RetentionEnd"),
        JsonSerializer.Deserialize<List<StoredRendition>>(e.GetString("Renditions") ?? "[]") ?? []);
}

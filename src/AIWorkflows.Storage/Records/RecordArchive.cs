using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AIWorkflows.Storage.Tables;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AIWorkflows.Storage.Records;

/// <summary>
/// Blob per rendition under records/{toolId}/{recordClass}/{recordId}.{ext}, with metadata that says
/// what it is even without the index; one index row per record in table Records (PartitionKey = tool).
/// This is storage only: the retention workflow decides what is kept, held and disposed of.
/// </summary>
public sealed class RecordArchive(BlobContainerClient container, TableClient index) : IRecordArchive
{
    /// <summary>Uploads and indexes without retention; the app's archive registers with the workflow instead.</summary>
    public async Task<RecordEntry> ArchiveAsync(NewRecord record, CancellationToken cancellationToken)
    {
        var stored = await UploadAsync(record, cancellationToken);
        var entry = Entry(record, stored);
        await IndexAsync(entry, cancellationToken);
        return entry;
    }

    public static RecordEntry Entry(NewRecord record, IReadOnlyList<StoredRendition> stored)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.RecordId, record.RecordClass, record.Title, record.ToolId, record.RequestId,
            record.Department, record.CreatedAt, record.RetentionStartsOn, record.RetentionEnd, stored);
    }

    /// <summary>
    /// Uploads only if none of the record's blobs exists yet (If-None-Match: *), so kept content is never
    /// overwritten; null when one exists already (the record was kept before, or an upload was interrupted).
    /// </summary>
    public async Task<IReadOnlyList<StoredRendition>?> UploadNewAsync(NewRecord record, CancellationToken cancellationToken)
    {
        try
        {
            return await UploadAsync(record, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return null;
        }
    }

    /// <summary>One request per rendition; returns each blob's name, size and SHA-256.</summary>
    public Task<IReadOnlyList<StoredRendition>> UploadAsync(NewRecord record, CancellationToken cancellationToken) =>
        UploadAsync(record, conditions: null, cancellationToken);

    private async Task<IReadOnlyList<StoredRendition>> UploadAsync(NewRecord record, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.RecordId.StartsWith(record.ToolId + ".", StringComparison.Ordinal))
            throw new ArgumentException($"Record id '{record.RecordId}' must start with its tool id '{record.ToolId}.'.", nameof(record));
        var stored = new List<StoredRendition>();
        foreach (var r in record.Renditions)
        {
            var name = $"{record.ToolId}/{record.RecordClass}/{record.RecordId}.{r.Extension}";
            var sha = Sha256Of(r.Content.Span);
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(r.Content), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = r.ContentType },
                // Metadata is ASCII: free text (title, department) is percent-encoded.
                Metadata = new Dictionary<string, string>
                {
                    ["recordid"] = record.RecordId, ["recordclass"] = record.RecordClass, ["toolid"] = record.ToolId,
                    ["requestid"] = record.RequestId ?? "", ["sha256"] = sha, ["size"] = r.Content.Length.ToString(CultureInfo.InvariantCulture),
                    ["createdat"] = record.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                    ["title"] = Uri.EscapeDataString(record.Title), ["department"] = Uri.EscapeDataString(record.Department),
                    ["retentionstartson"] = record.RetentionStartsOn,
                },
                Conditions = conditions,
            }, cancellationToken);
            stored.Add(new StoredRendition(name, r.ContentType, r.Content.Length, sha));
        }
        return stored;
    }

    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Writes the record's index row as the retention workflow sees it now (one transaction).</summary>
    public Task IndexAsync(RecordEntry entry, CancellationToken cancellationToken) =>
        index.UpsertEntityAsync(ToEntity(entry), TableUpdateMode.Replace, cancellationToken);

    /// <summary>The blob's bytes as stored now, or null when there is no such blob.</summary>
    public async Task<byte[]?> ReadContentAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes content blobs (disposal); a blob already gone is fine, so a retried disposal completes.</summary>
    public async Task DeleteContentAsync(IEnumerable<string> blobNames, CancellationToken cancellationToken)
    {
        foreach (var name in blobNames)
            await container.GetBlobClient(name).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    public Task<IReadOnlyList<RecordEntry>> ListAsync(string? toolId, string? recordClass, CancellationToken cancellationToken) =>
        SearchAsync(new RecordQuery(ToolId: toolId, RecordClass: recordClass), cancellationToken);

    /// <summary>
    /// Tool, class, department, status and dates are filtered by the service (a tool is one partition);
    /// text in the title is matched here, as Table storage has no text search. Newest first.
    /// </summary>
    public async Task<IReadOnlyList<RecordEntry>> SearchAsync(RecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filters = new List<string>();
        if (!string.IsNullOrEmpty(query.ToolId)) filters.Add(TableClient.CreateQueryFilter($"PartitionKey eq {query.ToolId}"));
        if (!string.IsNullOrEmpty(query.RecordClass)) filters.Add(TableClient.CreateQueryFilter($"RecordClass eq {query.RecordClass}"));
        if (!string.IsNullOrEmpty(query.Department)) filters.Add(TableClient.CreateQueryFilter($"Department eq {query.Department}"));
        if (!string.IsNullOrEmpty(query.Status)) filters.Add(TableClient.CreateQueryFilter($"Status eq {query.Status}"));
        if (query.From is { } from) filters.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        if (query.To is { } to) filters.Add(TableClient.CreateQueryFilter($"CreatedAt le {to}"));
        var text = query.Text?.Trim();
        var result = new List<RecordEntry>();
        await foreach (var e in index.QueryAsync<TableEntity>(filters.Count == 0 ? null : string.Join(" and ", filters), cancellationToken: cancellationToken))
        {
            var entry = FromEntity(e);
            if (string.IsNullOrEmpty(text)
                || entry.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || entry.RecordId.Contains(text, StringComparison.OrdinalIgnoreCase))
                result.Add(entry);
        }
        return [.. result.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.RecordId, StringComparer.Ordinal)];
    }

    public async Task<RecordEntry?> GetAsync(string recordId, CancellationToken cancellationToken)
    {
        if (ToolIdOf(recordId) is not { } toolId) return null;
        var e = await index.GetEntityIfExistsAsync<TableEntity>(toolId, recordId, cancellationToken: cancellationToken);
        return e.HasValue && e.Value is not null ? FromEntity(e.Value) : null;
    }

    /// <summary>The tool part of "{toolId}.{name}", or null when the id cannot be a record id (or a table key).</summary>
    public static string? ToolIdOf(string? recordId)
    {
        var dot = recordId?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || dot == recordId!.Length - 1 || !Tables.TableKeys.IsValid(recordId, out _)) return null;
        return recordId[..dot];
    }

    private static TableEntity ToEntity(RecordEntry r)
    {
        var entity = new TableEntity(r.ToolId, r.RecordId)
        {
            ["RecordClass"] = r.RecordClass, ["Title"] = r.Title, ["RequestId"] = r.RequestId, ["Department"] = r.Department,
            ["CreatedAt"] = r.CreatedAt, ["RetentionStartsOn"] = r.RetentionStartsOn, ["RetentionEnd"] = r.RetentionEnd,
            ["Status"] = r.Status, ["Authority"] = r.Authority, ["DisposedAt"] = r.DisposedAt, ["CertificateId"] = r.CertificateId,
        };
        // Holds pile up (each with its reason) past a table property's 64 KiB: spread over as many as it takes.
        LongText.Write(entity, "Renditions", JsonSerializer.Serialize(r.Renditions, StoredJson.Options));
        LongText.Write(entity, "Holds", JsonSerializer.Serialize(r.ActiveHolds, StoredJson.Options));
        return entity;
    }

    private static RecordEntry FromEntity(TableEntity e) => new(
        e.RowKey, e.GetString("RecordClass"), e.GetString("Title"), e.PartitionKey, e.GetString("RequestId"), e.GetString("Department") ?? "",
        e.GetDateTimeOffset("CreatedAt") ?? default, e.GetString("RetentionStartsOn") ?? "created", e.GetDateTimeOffset("RetentionEnd"),
        JsonSerializer.Deserialize<List<StoredRendition>>(LongText.Read(e, "Renditions") ?? "[]") ?? [],
        e.GetString("Status") ?? "kept",
        JsonSerializer.Deserialize<List<HoldSummary>>(LongText.Read(e, "Holds") ?? "[]") ?? [],
        e.GetString("Authority"), e.GetDateTimeOffset("DisposedAt"), e.GetString("CertificateId"));
}

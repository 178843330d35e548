using System.Text.Json;
using AIWorkflows.Storage;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// The register as a projection: one row per tool in one partition, so the public list is a single
/// partition query (1 transaction per 1,000 tools) and a tool's page is a point read.
/// </summary>
public sealed class InventoryTable(StorageClients clients)
{
    public const string Name = "Inventory";
    private const string Partition = "tool";

    private TableClient Table => clients.Table(Name);

    /// <summary>
    /// Writes the entry unless the row already holds a newer version of the tool (a late retry). A row
    /// this process wrote last is replaced under the ETag it got back (one transaction); otherwise a
    /// new tool is added (one), and an existing row is read and replaced under its ETag.
    /// </summary>
    public async Task UpsertAsync(InventoryEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new TableEntity(Partition, entry.ToolId) { ["Version"] = entry.Version, ["Json"] = JsonSerializer.Serialize(entry) };
        if (_written.TryGetValue(entry.ToolId, out var known))
        {
            if (known.Version >= entry.Version) return;
            try
            {
                Remember(entry, await Table.UpdateEntityAsync(row, known.ETag, TableUpdateMode.Replace, ct));
                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Another process wrote the row since (or it went away): read it as below.
                _written.TryRemove(entry.ToolId, out _);
            }
        }
        try
        {
            Remember(entry, await Table.AddEntityAsync(row, ct));
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var current = await Table.GetEntityAsync<TableEntity>(Partition, entry.ToolId, cancellationToken: ct);
            if ((current.Value.GetInt64("Version") ?? 0) >= entry.Version) return;
            Remember(entry, await Table.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, ct));
        }
    }

    // Version and ETag of the rows this process wrote last, to replace them without a read. Bounded
    // crudely: emptied when full (a miss costs a failed add and a read).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Version, ETag ETag)> _written = new(StringComparer.Ordinal);

    private void Remember(InventoryEntry entry, Response response)
    {
        if (_written.Count >= 10_000) _written.Clear();
        if (response.Headers.ETag is { } etag) _written[entry.ToolId] = (entry.Version, etag);
    }

    public async Task<IReadOnlyList<InventoryEntry>> ListAsync(CancellationToken ct)
    {
        var list = new List<InventoryEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, select: ["Json"], cancellationToken: ct))
            list.Add(JsonSerializer.Deserialize<InventoryEntry>(row.GetString("Json"))!);
        return list;
    }

    public async Task<InventoryEntry?> GetAsync(string toolId, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(toolId) || toolId.Length > 200 || toolId.AsSpan().IndexOfAny("/\\#?") >= 0) return null;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, toolId, ["Json"], ct);
        return row.HasValue ? JsonSerializer.Deserialize<InventoryEntry>(row.Value!.GetString("Json")) : null;
    }
}

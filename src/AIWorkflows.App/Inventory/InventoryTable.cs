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

    /// <summary>Writes the entry unless the row already holds a newer version of the tool (a late retry).</summary>
    public async Task UpsertAsync(InventoryEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new TableEntity(Partition, entry.ToolId) { ["Version"] = entry.Version, ["Json"] = JsonSerializer.Serialize(entry) };
        try
        {
            await Table.AddEntityAsync(row, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var current = await Table.GetEntityAsync<TableEntity>(Partition, entry.ToolId, cancellationToken: ct);
            if ((current.Value.GetInt64("Version") ?? 0) >= entry.Version) return;
            await Table.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, ct);
        }
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

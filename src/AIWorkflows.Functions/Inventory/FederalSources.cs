using System.Text.Json;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Tables;
using Azure.Data.Tables;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// The federal-schema row each imported tool came from, kept beside the register (same table, its own
/// partition) so an export gives back what the agency reported, with the city's current status and tier.
/// </summary>
public sealed class FederalSources(StorageClients clients)
{
    private const string Partition = "federal";
    private const long MaxBatchWireBytes = 3 * 1024 * 1024;

    private TableClient Table => clients.Table(InventoryTable.Name);

    public async Task SaveAsync(IEnumerable<(string ToolId, IReadOnlyDictionary<string, string> Cells)> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var (toolId, cells) in rows)
        {
            var entity = new TableEntity(Partition, toolId);
            LongText.Write(entity, "Json", JsonSerializer.Serialize(cells));
            var size = EntitySize.Wire(entity);
            if (batch.Count == 100 || (batch.Count > 0 && bytes + size > MaxBatchWireBytes))
            {
                await TableBatches.SubmitAsync(Table, batch, ct);
                (batch, bytes) = ([], 0);
            }
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            bytes += size;
        }
        if (batch.Count > 0) await TableBatches.SubmitAsync(Table, batch, ct);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ListAsync(CancellationToken ct)
    {
        var all = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            all[row.RowKey] = Cells(row);
        return all;
    }

    public async Task<IReadOnlyDictionary<string, string>?> GetAsync(string toolId, CancellationToken ct)
    {
        if (!Reassessments.ToolLifecycleService.IsToolId(toolId)) return null;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, toolId, cancellationToken: ct);
        return row.HasValue ? Cells(row.Value!) : null;
    }

    private static Dictionary<string, string> Cells(TableEntity row) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(LongText.Read(row, "Json") ?? "{}") ?? [];
}

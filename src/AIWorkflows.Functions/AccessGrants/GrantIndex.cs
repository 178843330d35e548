using System.Text.Json;
using AIWorkflows.App.Workflows;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// The grants of each tool: table AccessGrants, PartitionKey = tool id, RowKey = grant id, so the
/// list IT syncs for one tool is one partition query and one grant is a point read.
/// </summary>
public sealed class GrantIndex(StorageClients clients)
{
    public const string Name = "AccessGrants";

    private TableClient Table => clients.Table(Name);

    /// <summary>
    /// Writes the line unless the row holds a newer version (effects of two commits may run out of
    /// order). A new grant is added in one transaction; an update is a read and a conditional write.
    /// </summary>
    public async Task UpsertAsync(GrantLine line, bool isNew, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(line);
        var row = new TableEntity(line.ToolId, line.GrantId)
        {
            ["Version"] = line.Version, ["Status"] = line.Status, ["Json"] = JsonSerializer.Serialize(line, WorkflowJson.Options),
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!isNew || attempt > 1)
                {
                    var current = await Table.GetEntityIfExistsAsync<TableEntity>(line.ToolId, line.GrantId, ["Version"], ct);
                    if (current.HasValue && current.Value is { } c)
                    {
                        if ((c.GetInt64("Version") ?? 0) >= line.Version) return;
                        await Table.UpdateEntityAsync(row, c.ETag, TableUpdateMode.Replace, ct);
                        return;
                    }
                }
                await Table.AddEntityAsync(row, ct);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 5)
            {
                // Another write came first: read again and compare versions.
            }
        }
    }

    public async Task<IReadOnlyList<GrantLine>> ByToolAsync(string toolId, string? status, CancellationToken ct)
    {
        if (!TableKeys.IsValid(toolId, out _)) return [];
        var filter = status is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {toolId}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {toolId} and Status eq {status}");
        return await QueryAsync(filter, ct);
    }

    /// <summary>Every grant (a scan: for the officers' overall list, not for requests).</summary>
    public Task<IReadOnlyList<GrantLine>> AllAsync(string? status, CancellationToken ct) =>
        QueryAsync(status is null ? null : TableClient.CreateQueryFilter($"Status eq {status}"), ct);

    public async Task<GrantLine?> GetAsync(string toolId, string grantId, CancellationToken ct)
    {
        if (!TableKeys.IsValid(toolId, out _) || !TableKeys.IsValid(grantId, out _)) return null;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(toolId, grantId, ["Json"], ct);
        return row.HasValue && row.Value is { } r ? Read(r) : null;
    }

    private async Task<IReadOnlyList<GrantLine>> QueryAsync(string? filter, CancellationToken ct)
    {
        var lines = new List<GrantLine>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, select: ["Json"], cancellationToken: ct))
            lines.Add(Read(row));
        return lines;
    }

    private static GrantLine Read(TableEntity row) => JsonSerializer.Deserialize<GrantLine>(row.GetString("Json"), WorkflowJson.Options)!;
}

using Azure;
using Azure.Data.Tables;
using AIWorkflows.Storage.Tables;

namespace AIWorkflows.Storage.Deciding;

/// <summary>A sleeping instance, due to be woken by <see cref="WakeAt"/>; <see cref="ETag"/> guards its removal.</summary>
public sealed record WakeRow(string Workflow, string InstanceId, DateTimeOffset WakeAt, ETag ETag);

/// <summary>
/// When each sleeping workflow instance must be woken: one row per instance in its workflow's partition,
/// overwritten each time the instance goes to sleep. A timer reads the rows that have come due (one
/// partition query, however many instances sleep), so an idle register of thousands of tools costs one
/// query per tick and nothing in the Durable engine.
/// </summary>
public sealed class WakeIndex(StorageClients clients)
{
    private const string WakeAtColumn = "WakeAt";

    private readonly TableClient _table = clients.Table(StorageTables.Wakes);

    public async Task SetAsync(string workflow, string instanceId, DateTimeOffset wakeAt, CancellationToken cancellationToken)
    {
        TableKeys.Require(instanceId, "instance id");
        var row = new TableEntity(workflow, instanceId) { [WakeAtColumn] = wakeAt.UtcDateTime };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The instances of <paramref name="workflow"/> to wake by <paramref name="by"/>, earliest first.</summary>
    public async Task<IReadOnlyList<WakeRow>> DueAsync(string workflow, DateTimeOffset by, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {workflow} and WakeAt le {by.UtcDateTime}");
        var due = new List<WakeRow>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            due.Add(new WakeRow(workflow, row.RowKey, row.GetDateTimeOffset(WakeAtColumn)!.Value, row.ETag));
        return [.. due.OrderBy(r => r.WakeAt)];
    }

    /// <summary>Removes a row as it was read; false when the instance went to sleep again meanwhile (its new row stays).</summary>
    public async Task<bool> RemoveAsync(WakeRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            // The client answers a row already gone with its 404 rather than an exception.
            var response = await _table.DeleteEntityAsync(row.Workflow, row.InstanceId, row.ETag, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }
}

using AIWorkflows.Storage.Counting;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Tables;

/// <summary>Entity-group transactions, always checked by <see cref="TableTransactionGuard"/> first.</summary>
public static class TableBatches
{
    /// <summary>Validates, then submits one transaction. Returns one response per action, in order.</summary>
    public static async Task<IReadOnlyList<Response>> SubmitAsync(
        TableClient table, IReadOnlyCollection<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableTransactionGuard.Validate(table.Name, actions);
        using (StorageTransactionCounter.AttributeBatchesTo(table.Name))
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value;
        }
    }

    /// <summary>
    /// Adds entities, grouped by partition and cut into transactions of at most 100; partitions run
    /// in parallel. For bulk writes (timers, projections) where each entity stands alone.
    /// </summary>
    public static async Task UpsertManyAsync(TableClient table, IEnumerable<ITableEntity> entities, CancellationToken cancellationToken)
    {
        var batches = entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(TableTransactionGuard.MaxOperations))
            .Select(chunk => chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList());
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (batch, ct) => await SubmitAsync(table, batch, ct));
    }

    /// <summary>
    /// Deletes rows in as few transactions as possible (one per partition per 100 rows). A row already
    /// gone fails a whole transaction with 404; that chunk is then deleted row by row, ignoring 404,
    /// so a concurrent delete never leaves the other rows behind.
    /// </summary>
    public static async Task DeleteManyAsync(TableClient table, IEnumerable<(string PartitionKey, string RowKey)> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var chunks = rows.Distinct().GroupBy(r => r.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(TableTransactionGuard.MaxOperations));
        foreach (var chunk in chunks)
        {
            var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), ETag.All)).ToList();
            try
            {
                await SubmitAsync(table, actions, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                foreach (var (pk, rk) in chunk)
                    await table.DeleteEntityAsync(pk, rk, ETag.All, cancellationToken);
            }
        }
    }
}

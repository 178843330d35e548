using Azure.Data.Tables;

namespace AIWorkflows.Storage.Tables;

/// <summary>
/// Checks an entity-group transaction against Azure's rules before it is sent: 1 to 100 operations,
/// one partition, legal keys, entities up to 1 MiB, payload up to 4 MiB. Azurite enforces none of
/// these, so without this check a test suite could pass against a store that fails in Azure.
/// </summary>
public static class TableTransactionGuard
{
    public const int MaxOperations = 100;

    public const long MaxPayloadBytes = 4L * 1024 * 1024;

    // Multipart boundary, changeset headers and the request line of each operation.
    private const int OperationOverheadBytes = 1024;

    public static void Validate(string table, IReadOnlyCollection<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count == 0)
            throw new TableLimitException($"A transaction on table '{table}' needs at least one operation.");
        if (actions.Count > MaxOperations)
            throw new TableLimitException(
                $"A transaction on table '{table}' has {actions.Count} operations; Azure allows at most {MaxOperations} per entity-group transaction.");

        var partition = actions.First().Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        long payload = 0;
        foreach (var action in actions)
        {
            var entity = action.Entity;
            TableKeys.Require(entity.PartitionKey, "partition key");
            TableKeys.Require(entity.RowKey, "row key");
            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
                throw new TableLimitException(
                    $"A transaction on table '{table}' spans partitions '{partition}' and '{entity.PartitionKey}'; it must stay in one.");
            if (!rowKeys.Add(entity.RowKey))
                throw new TableLimitException($"A transaction on table '{table}' touches row '{entity.RowKey}' twice.");

            var stored = EntitySize.Stored(entity);
            if (stored > EntitySize.MaxEntityBytes)
                throw new TableLimitException(
                    $"Entity '{entity.PartitionKey}/{entity.RowKey}' in table '{table}' is {stored:N0} bytes; Azure allows at most {EntitySize.MaxEntityBytes:N0} (1 MiB).");
            foreach (var (name, value) in EntitySize.Properties(entity))
            {
                if (value is string s && s.Length > EntitySize.MaxStringChars)
                    throw new TableLimitException(
                        $"Property '{name}' of '{entity.PartitionKey}/{entity.RowKey}' holds {s.Length:N0} characters; a string property stops at {EntitySize.MaxStringChars:N0} (64 KiB).");
            }
            payload += OperationOverheadBytes + (action.ActionType == TableTransactionActionType.Delete ? 0 : EntitySize.Wire(entity));
        }

        if (payload > MaxPayloadBytes)
            throw new TableLimitException(
                $"A transaction on table '{table}' carries about {payload:N0} bytes; Azure allows at most {MaxPayloadBytes:N0} (4 MiB).");
    }
}

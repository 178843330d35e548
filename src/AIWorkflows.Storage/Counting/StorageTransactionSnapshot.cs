using System.Collections.Frozen;

namespace AIWorkflows.Storage.Counting;

/// <summary>
/// Counts at one moment, so a test or a benchmark can say "this call cost N transactions":
/// take a snapshot before, one after, and subtract.
/// </summary>
public sealed class StorageTransactionSnapshot
{
    public StorageTransactionSnapshot(long total, IReadOnlyDictionary<StorageOperation, long> byOperation)
    {
        ArgumentNullException.ThrowIfNull(byOperation);
        Total = total;
        ByOperation = byOperation.Where(kv => kv.Value != 0).ToFrozenDictionary();
    }

    public static StorageTransactionSnapshot Empty { get; } = new(0, new Dictionary<StorageOperation, long>());

    public long Total { get; }

    public IReadOnlyDictionary<StorageOperation, long> ByOperation { get; }

    /// <summary>Requests against one table or container, its batches included.</summary>
    public long ForResource(string resource) =>
        ByOperation.Where(kv => kv.Key.Resource == resource || kv.Key.Resource.StartsWith(resource + "/", StringComparison.Ordinal))
            .Sum(kv => kv.Value);

    public long ForMethod(string method) =>
        ByOperation.Where(kv => string.Equals(kv.Key.Method, method, StringComparison.OrdinalIgnoreCase)).Sum(kv => kv.Value);

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public StorageTransactionSnapshot Since(StorageTransactionSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var diff = new Dictionary<StorageOperation, long>(ByOperation);
        foreach (var (op, count) in earlier.ByOperation)
            diff[op] = diff.GetValueOrDefault(op) - count;
        return new StorageTransactionSnapshot(Total - earlier.Total, diff);
    }

    public static StorageTransactionSnapshot operator -(StorageTransactionSnapshot later, StorageTransactionSnapshot earlier) =>
        later is null ? throw new ArgumentNullException(nameof(later)) : later.Since(earlier);

    public StorageTransactionSnapshot Subtract(StorageTransactionSnapshot earlier) => Since(earlier);

    public override string ToString() =>
        $"{Total} transaction(s): " + string.Join(", ", ByOperation.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal).Select(kv => $"{kv.Key} x{kv.Value}"));
}

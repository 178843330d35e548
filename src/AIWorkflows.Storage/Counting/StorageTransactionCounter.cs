using System.Collections.Concurrent;
using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;

namespace AIWorkflows.Storage.Counting;

/// <summary>
/// Counts storage transactions. Azure bills every request the service receives, retries included,
/// so this policy sits at <see cref="HttpPipelinePosition.PerRetry"/>: it sees each attempt.
/// One instance is shared by the table and blob clients of a <see cref="StorageClients"/>.
/// </summary>
public sealed class StorageTransactionCounter : HttpPipelinePolicy
{
    // An entity-group transaction is POSTed to /$batch, whose URL does not name the table; the code
    // that submits it says which table it is for through this ambient hint.
    private static readonly AsyncLocal<string?> BatchTable = new();

    private readonly ConcurrentDictionary<StorageOperation, StrongBox> _byOperation = new();
    private long _total;

    public long Total => Interlocked.Read(ref _total);

    public StorageTransactionSnapshot Snapshot() =>
        new(Total, _byOperation.ToDictionary(kv => kv.Key, kv => Interlocked.Read(ref kv.Value.Count)));

    /// <summary>Counts since <paramref name="earlier"/>.</summary>
    public StorageTransactionSnapshot Since(StorageTransactionSnapshot earlier) => Snapshot().Since(earlier);

    /// <summary>Names the table for the batches sent until the returned scope is disposed (same async flow).</summary>
    public static IDisposable AttributeBatchesTo(string table)
    {
        var previous = BatchTable.Value;
        BatchTable.Value = table;
        return new Restore(previous);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var operation = new StorageOperation(message.Request.Method.Method, ResourceOf(message.Request.Uri.ToUri()));
        Interlocked.Increment(ref _total);
        Interlocked.Increment(ref _byOperation.GetOrAdd(operation, _ => new StrongBox()).Count);
    }

    internal static string ResourceOf(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // The emulator (and any IP-addressed endpoint) puts the account name first in the path.
        var pathStyle = uri.IsLoopback || IPAddress.TryParse(uri.Host, out _);
        var index = pathStyle ? 1 : 0;
        if (segments.Length <= index) return "(account)";
        var resource = Uri.UnescapeDataString(segments[index]);
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0) resource = resource[..paren];
        if (resource == "$batch") return BatchTable.Value is { } table ? table + "/$batch" : "$batch";
        return resource;
    }

    private sealed class StrongBox
    {
        public long Count;
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => BatchTable.Value = previous;
    }
}

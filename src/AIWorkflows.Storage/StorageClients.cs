using System.Collections.Concurrent;
using AIWorkflows.Storage.Counting;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace AIWorkflows.Storage;

/// <summary>
/// The table and blob service clients, built once with the transaction counter in their pipelines.
/// Register as a singleton; SDK clients are thread-safe and meant to be reused.
/// </summary>
public sealed class StorageClients
{
    private readonly ConcurrentDictionary<string, TableClient> _tableClients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _containers = new(StringComparer.Ordinal);

    public StorageClients(StorageOptions options, StorageTransactionCounter counter)
        : this(options, counter, credential: null)
    {
    }

    /// <summary>For an account reached with a managed identity: pass e.g. a DefaultAzureCredential.</summary>
    public StorageClients(StorageOptions options, StorageTransactionCounter counter, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counter);
        options.Validate();
        Options = options;
        Counter = counter;

        var tableOptions = new TableClientOptions();
        Bounded(tableOptions.Retry, TimeSpan.FromSeconds(10));
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        Bounded(blobOptions.Retry, TimeSpan.FromSeconds(30));
        blobOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);

        if (options.UsesConnectionString)
        {
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
        }
        else
        {
            if (credential is null)
                throw new InvalidOperationException("Storage service URIs need a TokenCredential; pass one or set a connection string.");
            Tables = new TableServiceClient(options.TableServiceUri, credential, tableOptions);
            Blobs = new BlobServiceClient(options.BlobServiceUri, credential, blobOptions);
        }

        RegisterTable(StorageTables.Workflows);
        RegisterTable(StorageTables.Wakes);
    }

    public StorageOptions Options { get; }

    /// <summary>
    /// The SDK's defaults (100 s per try, 3 retries up to a minute apart) hold a page for minutes when
    /// storage hangs. A person is better served by a 503 with Retry-After, and the outbox and sweep
    /// retry what matters, so: one quick retry for a blip, and a per-try timeout well above what a
    /// 100-row batch takes even on a busy emulator (a timed-out try that did land is retried, and a
    /// retried commit then loses its own ETag race and re-decides, which is correct but wasteful).
    /// </summary>
    private static void Bounded(RetryOptions retry, TimeSpan perTry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 1;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(1);
        retry.NetworkTimeout = perTry;
    }

    public StorageTransactionCounter Counter { get; }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

    /// <summary>The physical name of a logical table: the prefix plus the name.</summary>
    public string TableName(string logicalName) => Options.TablePrefix + logicalName;

    /// <summary>The physical name of a container: lower-case prefix plus the name (containers are lower-case).</summary>
    public string ContainerName(string logicalName) => (Options.TablePrefix + logicalName).ToLowerInvariant();

    public TableClient Table(string logicalName) =>
        _tableClients.GetOrAdd(logicalName, name => Tables.GetTableClient(TableName(name)));

    public BlobContainerClient Container(string logicalName) => Blobs.GetBlobContainerClient(ContainerName(logicalName));

    /// <summary>Another feature (records index, projections) adds its table to <see cref="EnsureCreatedAsync"/>.</summary>
    public void RegisterTable(string logicalName) => _tables.TryAdd(logicalName, 0);

    public void RegisterContainer(string logicalName) => _containers.TryAdd(logicalName, 0);

    /// <summary>
    /// Creates the registered tables and containers that do not exist yet. One request each, so call it
    /// at start-up (or from a deployment step), not per request.
    /// </summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        // One listing each of this prefix's tables and containers, then a create for what is missing: at
        // start-up with everything in place that is two requests, not one (failing with 409) per name.
        var (tables, containers) = (await ExistingTablesAsync(cancellationToken), await ExistingContainersAsync(cancellationToken));
        var createTables = _tables.Keys.Where(t => !tables.Contains(TableName(t))).Select(t => Table(t).CreateIfNotExistsAsync(cancellationToken));
        var createContainers = _containers.Keys.Where(c => !containers.Contains(ContainerName(c)))
            .Select(c => Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken));
        await Task.WhenAll(createTables.Cast<Task>().Concat(createContainers));
    }

    private async Task<HashSet<string>> ExistingTablesAsync(CancellationToken cancellationToken)
    {
        var prefix = Options.TablePrefix;
        // '{' follows every letter and digit, so [prefix, prefix + '{') holds exactly the names with the prefix.
        var filter = prefix.Length == 0 ? null : TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "{"}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var table in Tables.QueryAsync(filter, cancellationToken: cancellationToken)) names.Add(table.Name);
        return names;
    }

    private async Task<HashSet<string>> ExistingContainersAsync(CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (_containers.IsEmpty) return names;
        await foreach (var container in Blobs.GetBlobContainersAsync(prefix: ContainerName(""), cancellationToken: cancellationToken)) names.Add(container.Name);
        return names;
    }
}

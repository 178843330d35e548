using AIWorkflows.Storage.Counting;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// The Blob, Queue and Table clients of the Durable backend, with the project's transaction counter in
/// each pipeline. DurableTask.AzureStorage asks its provider for options, adds its own policies to them
/// and then asks for the client (AzureStorageClient.CreateClient), so the counter goes into the options.
/// Each call gets fresh options: the library's default provider hands out one shared instance, to which
/// every AzureStorageClient built from the same settings would add its policies again.
/// </summary>
internal static class CountedStorageClients
{
    public static StorageAccountClientProvider For(string connectionString, string taskHub, StorageTransactionCounter counter)
    {
        // The backend's entity-group transactions write (or purge) history rows; the counter cannot
        // tell a batch's table from its URL, so it is told.
        var batches = new AttributeBatches(taskHub + "History");
        return new(
            new Provider<BlobServiceClient, BlobClientOptions>(() => new BlobClientOptions(), o => new BlobServiceClient(connectionString, o), counter),
            new Provider<QueueServiceClient, QueueClientOptions>(() => new QueueClientOptions(), o => new QueueServiceClient(connectionString, o), counter),
            new Provider<TableServiceClient, TableClientOptions>(() => new TableClientOptions(), o => new TableServiceClient(connectionString, o), counter, batches));
    }

    private sealed class Provider<TClient, TOptions>(
        Func<TOptions> options, Func<TOptions, TClient> client, StorageTransactionCounter counter, HttpPipelinePolicy? before = null)
        : IStorageServiceClientProvider<TClient, TOptions>
        where TOptions : ClientOptions
    {
        public TOptions CreateOptions()
        {
            var created = options();
            if (before is not null) created.AddPolicy(before, HttpPipelinePosition.PerRetry);
            // PerRetry, like the app's own clients: storage bills every attempt.
            created.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            return created;
        }

        public TClient CreateClient(TOptions options) => client(options);
    }

    private sealed class AttributeBatches(string table) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            using (StorageTransactionCounter.AttributeBatchesTo(table)) ProcessNext(message, pipeline);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            using (StorageTransactionCounter.AttributeBatchesTo(table)) await ProcessNextAsync(message, pipeline);
        }
    }
}

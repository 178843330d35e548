using AIWorkflows.Storage.Counting;
using Azure.Core;
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
    public static StorageAccountClientProvider For(string connectionString, StorageTransactionCounter counter) => new(
        new Provider<BlobServiceClient, BlobClientOptions>(() => new BlobClientOptions(), o => new BlobServiceClient(connectionString, o), counter),
        new Provider<QueueServiceClient, QueueClientOptions>(() => new QueueClientOptions(), o => new QueueServiceClient(connectionString, o), counter),
        new Provider<TableServiceClient, TableClientOptions>(() => new TableClientOptions(), o => new TableServiceClient(connectionString, o), counter));

    private sealed class Provider<TClient, TOptions>(Func<TOptions> options, Func<TOptions, TClient> client, StorageTransactionCounter counter)
        : IStorageServiceClientProvider<TClient, TOptions>
        where TOptions : ClientOptions
    {
        public TOptions CreateOptions()
        {
            var created = options();
            // PerRetry, like the app's own clients: storage bills every attempt.
            created.AddPolicy(counter, HttpPipelinePosition.PerRetry);
            return created;
        }

        public TClient CreateClient(TOptions options) => client(options);
    }
}

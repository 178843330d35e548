using AIWorkflows.Storage.Counting;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace PlainApp.Storage;

/// <summary>The plain app's own storage: the request status table, the tool register and the records container.</summary>
public sealed class PlainStorage(TableServiceClient tables, BlobServiceClient blobs, string prefix)
{
    public TableClient Requests { get; } = tables.GetTableClient(prefix + "PlainRequests");

    public TableClient Register { get; } = tables.GetTableClient(prefix + "PlainRegister");

    public BlobContainerClient Records { get; } = blobs.GetBlobContainerClient((prefix + "plainrecords").ToLowerInvariant());
}

public static class PlainStorageServiceCollectionExtensions
{
    /// <summary>
    /// SDK clients registered once, as the samples do, with one addition the bench needs: every request
    /// they make is counted (a <see cref="StorageTransactionCounter"/> in each pipeline, per retry, as our
    /// app's clients count theirs). The Durable backend's requests are counted by the local host's own counter.
    /// </summary>
    public static IServiceCollection AddPlainStorage(this IServiceCollection services, string connectionString, string prefix)
    {
        services.AddSingleton<StorageTransactionCounter>();
        services.AddSingleton(sp => new TableServiceClient(connectionString, Counted(new TableClientOptions(), sp)));
        services.AddSingleton(sp => new BlobServiceClient(connectionString, Counted(new BlobClientOptions(), sp)));
        services.AddSingleton(sp => new PlainStorage(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<BlobServiceClient>(), prefix));
        services.AddHostedService<CreateStorage>();
        return services;
    }

    private static T Counted<T>(T options, IServiceProvider sp) where T : ClientOptions
    {
        options.AddPolicy(sp.GetRequiredService<StorageTransactionCounter>(), HttpPipelinePosition.PerRetry);
        return options;
    }

    // Tables and container made once at start-up, not by each activity.
    private sealed class CreateStorage(PlainStorage storage) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await storage.Requests.CreateIfNotExistsAsync(cancellationToken);
            await storage.Register.CreateIfNotExistsAsync(cancellationToken);
            await storage.Records.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

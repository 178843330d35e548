using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Records;
using Azure.Storage.Blobs.Models;

namespace AIWorkflows.App.Records;

public static class RecordsServiceCollectionExtensions
{
    /// <summary>
    /// The records archive every workflow keeps its records through, the retention orchestration (its
    /// read model, gateway and effects), the access log and the records officer's service.
    /// <c>Records:Immutability</c> is Azure (default with a managed identity) or Local (default with a
    /// connection string: Azurite).
    /// </summary>
    public static IServiceCollection AddRecords(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(sp => RecordStorage.Archive(sp.GetRequiredService<StorageClients>()));
        services.AddSingleton(sp => new RecordTools(sp.GetRequiredService<StorageClients>().Table(RecordStorage.ToolsTable)));
        services.AddSingleton(sp => new RecordAccessLog(sp.GetRequiredService<StorageClients>().Table(RecordStorage.AccessLogTable)));
        services.AddSingleton<LocalRecordImmutability>();
        services.AddSingleton<IRecordImmutability>(sp =>
        {
            var clients = sp.GetRequiredService<StorageClients>();
            var kind = config["Records:Immutability"] ?? (clients.Options.UsesConnectionString ? "Local" : "Azure");
            if (string.Equals(kind, "Local", StringComparison.OrdinalIgnoreCase)) return sp.GetRequiredService<LocalRecordImmutability>();
            if (!string.Equals(kind, "Azure", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"Records:Immutability must be Azure or Local, not '{kind}'.");
            var mode = Enum.Parse<BlobImmutabilityPolicyMode>(config["Records:ImmutabilityPolicyMode"] ?? "Locked", ignoreCase: true);
            return new AzureRecordImmutability(clients.Container(RecordStorage.Container), mode, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IRecordArchive, RetainedRecordArchive>();
        services.AddSingleton<RecordLinks>();
        services.AddSingleton<RecordRetentionEffects>();
        services.AddSingleton(sp => new RecordRetentionDecider(sp.GetRequiredService<PolicyPack>()));
        services.AddOrchestratedWorkflow(RecordRetentionOrchestration.Rules, sp => sp.GetRequiredService<RecordRetentionEffects>().For);
        services.AddSingleton<RecordRetentionWorkflow>();
        services.AddSingleton<RecordSyncEffectHandler>();
        services.AddSingleton<IEffectHandler>(sp => sp.GetRequiredService<RecordSyncEffectHandler>());
        services.AddSingleton<IEffectHandler, RecordDisposalEffectHandler>();
        services.AddSingleton<IEffectHandler, RecordToolEventEffectHandler>();
        services.AddSingleton<RecordsService>();
        return services;
    }
}

using AIWorkflows.App.Effects;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Records;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Records;
using Azure.Identity;

namespace AIWorkflows.App.Workflows;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>Storage clients (Azurite locally, managed identity in Azure), the wake index, the clock and the effect handlers every workflow's steps use.</summary>
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<StorageTransactionCounter>();
        services.AddSingleton<StepSignals>();
        services.AddSingleton<WakeIndex>();
        services.AddSingleton<WorkflowWakes>();
        services.AddSingleton<WorkflowClocks>();
        services.AddSingleton(sp =>
        {
            var clients = options.UsesConnectionString
                ? new StorageClients(options, sp.GetRequiredService<StorageTransactionCounter>())
                : new StorageClients(options, sp.GetRequiredService<StorageTransactionCounter>(), new DefaultAzureCredential());
            RecordStorage.Register(clients);
            PolicyPackVersions.Register(clients);
            clients.RegisterTable(InventoryTable.Name);
            AccessGrants.AccessGrantServiceCollectionExtensions.RegisterTables(clients);
            return clients;
        });
        services.AddSingleton(sp => new PolicyPackVersions(sp.GetRequiredService<PolicyPack>(), sp.GetRequiredService<StorageClients>()));
        services.AddSingleton<IEffectHandler, MailEffectHandler>();
        services.AddSingleton<IEffectHandler, RecordEffectHandler>();
        services.AddSingleton<IEffectHandler, ArchiveEffectHandler>();
        services.AddSingleton<IEffectHandler, CommandEffectHandler>();
        services.AddSingleton<IEffectHandler, InventoryEffectHandler>();
        services.AddSingleton<InventoryTable>();
        return services;
    }

    public static IServiceCollection AddToolApprovals(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AppOptions>().Bind(config.GetSection(AppOptions.Section));
        services.AddSingleton<AppLinks>();
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<ToolApprovalMail>();
        services.AddSingleton<ToolApprovalEffects>();
        services.AddOrchestratedWorkflow(ToolApprovalOrchestration.Rules, sp => sp.GetRequiredService<ToolApprovalEffects>().For);
        services.AddSingleton<ToolApprovalService>();
        services.AddSingleton<RequestDocumentService>();
        return services;
    }

    public static IServiceCollection AddToolLifecycle(this IServiceCollection services)
    {
        services.AddSingleton<LifecycleLinks>();
        services.AddSingleton<ToolLifecycleMail>();
        services.AddSingleton<ToolLifecycleEffects>();
        services.AddSingleton(sp => new ToolLifecycleDecider(sp.GetRequiredService<PolicyPack>()));
        services.AddOrchestratedWorkflow(ToolLifecycleOrchestration.Rules, sp => sp.GetRequiredService<ToolLifecycleEffects>().For);
        services.AddSingleton<ToolLifecycleService>();
        return services;
    }
}

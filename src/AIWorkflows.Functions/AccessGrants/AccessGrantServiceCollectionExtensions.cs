using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.AccessGrants;

public static class AccessGrantServiceCollectionExtensions
{
    /// <summary>Access grants (Albuquerque 4.1, 5.1; Sacramento VI.B): the orchestrated workflow and its effects, the grant list, training.</summary>
    public static IServiceCollection AddAccessGrants(this IServiceCollection services)
    {
        services.AddSingleton<AccessRequirements>();
        services.AddSingleton<AccessLinks>();
        services.AddSingleton<AccessGrantMail>();
        services.AddSingleton<AccessGrantEffects>();
        services.AddSingleton<GrantIndex>();
        services.AddSingleton<EmployeeFiles>();
        services.AddSingleton<IEffectHandler, GrantIndexEffectHandler>();
        services.AddSingleton<IEffectHandler, ToolStatusFanOut>();
        services.AddSingleton<AccessGrantDecider>();
        services.AddOrchestratedWorkflow(AccessGrantOrchestration.Rules, sp => sp.GetRequiredService<AccessGrantEffects>().For);
        services.AddSingleton<AccessGrantService>();
        services.AddSingleton<TrainingService>();
        return services;
    }

    /// <summary>The tables the grant list and the employees' files live in; created at start-up with the others.</summary>
    public static void RegisterTables(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        clients.RegisterTable(GrantIndex.Name);
        clients.RegisterTable(EmployeeFiles.Name);
    }
}

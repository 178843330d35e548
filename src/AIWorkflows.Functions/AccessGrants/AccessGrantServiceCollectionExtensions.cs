using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.App.AccessGrants;

public static class AccessGrantServiceCollectionExtensions
{
    /// <summary>Access grants (Albuquerque 4.1, 5.1; Sacramento VI.B): the store, its effects and timer target, the grant list, training.</summary>
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
        services.AddSingleton(sp => new DeciderStore<AccessGrantCommand, AccessGrant, AccessGrantEvent>(
            AccessGrantEffects.Workflow, sp.GetRequiredService<AccessGrantDecider>(), sp.GetRequiredService<AccessGrantEffects>().For,
            sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<EffectDispatcher>(),
            WorkflowJson.Options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITimerTarget>(sp => sp.GetRequiredService<DeciderStore<AccessGrantCommand, AccessGrant, AccessGrantEvent>>());
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

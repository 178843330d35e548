using AIWorkflows.Storage;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Workflows;

public static class OrchestratedWorkflows
{
    /// <summary>
    /// One registration for every orchestrated workflow: its read model, its gateway (also told when
    /// the Development clock moves), the recorder its step activity uses, and the target other
    /// workflows send it commands through.
    /// </summary>
    public static IServiceCollection AddOrchestratedWorkflow<TCommand, TState, TEvent>(
        this IServiceCollection services,
        WorkflowRules<TCommand, TState, TEvent> rules,
        Func<IServiceProvider, Func<string, TState, TState, IReadOnlyList<StoredEvent<TEvent>>, IEnumerable<PendingEffect>>> effects)
    {
        ArgumentNullException.ThrowIfNull(rules);
        services.AddSingleton(sp => new WorkflowLog<TState, TEvent>(sp.GetRequiredService<StorageClients>(), rules.Name, WorkflowJson.Options));
        services.AddSingleton(sp => new WorkflowStepRecorder<TState, TEvent>(
            sp.GetRequiredService<WorkflowLog<TState, TEvent>>(), effects(sp), sp.GetServices<IEffectHandler>(), sp.GetRequiredService<StepSignals>(),
            sp.GetRequiredService<WakeIndex>()));
        services.AddSingleton<IWorkflowStepRecorder>(sp => sp.GetRequiredService<WorkflowStepRecorder<TState, TEvent>>());
        services.AddSingleton(sp => new WorkflowGateway<TCommand, TState, TEvent>(
            rules, sp.GetRequiredService<WorkflowLog<TState, TEvent>>(), sp.GetRequiredService<PolicyPackVersions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<StepSignals>(), sp.GetRequiredService<WakeIndex>(), () => sp.GetRequiredService<WorkflowStepRecorder<TState, TEvent>>()));
        services.AddSingleton<IClockedWorkflow>(sp => sp.GetRequiredService<WorkflowGateway<TCommand, TState, TEvent>>());
        if (rules.SleepBeyond is not null)
            services.AddSingleton<ISleepingWorkflow>(sp => sp.GetRequiredService<WorkflowGateway<TCommand, TState, TEvent>>());
        services.AddSingleton<IWorkflowCommandTarget>(sp => new WorkflowCommandTarget<TCommand, TState, TEvent>(
            sp.GetRequiredService<WorkflowGateway<TCommand, TState, TEvent>>(), rules.Name, sp));
        return services;
    }
}

using AIWorkflows.App.Workflows;

namespace AIWorkflows.App.UnionNotices;

public static class UnionNoticeServiceCollectionExtensions
{
    /// <summary>The union-notice workflow (Sacramento VI.A.7): its orchestration's read model, gateway and hand-over target, its effects and service.</summary>
    public static IServiceCollection AddUnionNotices(this IServiceCollection services)
    {
        services.AddSingleton<UnionLinks>();
        services.AddSingleton<UnionNoticeMail>();
        services.AddSingleton<UnionNoticeEffects>();
        services.AddOrchestratedWorkflow(UnionNoticeOrchestration.Rules, sp => sp.GetRequiredService<UnionNoticeEffects>().For);
        services.AddSingleton<UnionNoticeService>();
        return services;
    }
}

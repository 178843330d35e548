using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.UnionNotices;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.App.UnionNotices;

public static class UnionNoticeServiceCollectionExtensions
{
    /// <summary>The union-notice workflow (Sacramento VI.A.7): its store, effects, timer target and service.</summary>
    public static IServiceCollection AddUnionNotices(this IServiceCollection services)
    {
        services.AddSingleton<UnionLinks>();
        services.AddSingleton<UnionNoticeMail>();
        services.AddSingleton<UnionNoticeEffects>();
        services.AddSingleton(sp => new UnionNoticeDecider(sp.GetRequiredService<PolicyPack>(), sp.GetRequiredService<BusinessCalendar>()));
        services.AddSingleton(sp => new DeciderStore<UnionNoticeCommand, UnionNotice, UnionNoticeEvent>(
            UnionNoticeEffects.Workflow, sp.GetRequiredService<UnionNoticeDecider>(), sp.GetRequiredService<UnionNoticeEffects>().For,
            sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<EffectDispatcher>(),
            WorkflowJson.Options, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITimerTarget>(sp => sp.GetRequiredService<DeciderStore<UnionNoticeCommand, UnionNotice, UnionNoticeEvent>>());
        services.AddSingleton<UnionNoticeService>();
        return services;
    }
}

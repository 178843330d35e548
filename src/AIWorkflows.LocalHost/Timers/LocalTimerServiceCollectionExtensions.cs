using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AIWorkflows.LocalHost.Timers;

public static class LocalTimerServiceCollectionExtensions
{
    /// <summary>
    /// Runs the app's <c>[TimerTrigger]</c> functions on their schedules (<see cref="TimerTriggerScheduler"/>,
    /// also resolvable to run them all now). Register after <c>AddLocalDurable</c>: a timer function may
    /// use the Durable client.
    /// </summary>
    public static IServiceCollection AddLocalTimers(this IServiceCollection services, Action<LocalTimerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LocalTimerOptions>();
        if (configure is not null) options.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TimerTriggerScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<TimerTriggerScheduler>());
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AIWorkflows.App.Development;

public static class DevClockServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app's <see cref="TimeProvider"/>: the adjustable <see cref="DevClock"/> in
    /// Development, the system clock elsewhere. Tests replace <see cref="TimeProvider"/> after this.
    /// </summary>
    public static IServiceCollection AddDevClock(this IServiceCollection services, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            // Built explicitly on the system clock: letting DI pick the TimeProvider constructor would
            // resolve TimeProvider, which is this very DevClock, and hang start-up.
            services.TryAddSingleton(_ => new DevClock(TimeProvider.System));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<DevClock>()));
        }
        else
        {
            services.TryAddSingleton(TimeProvider.System);
        }
        return services;
    }
}

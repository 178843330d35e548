using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Policy;

public static class PolicyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the active <see cref="PolicyPack"/> (section <c>Policy</c>, key <c>POLICY</c> overriding
    /// <c>Policy:Pack</c>) and the city's <see cref="BusinessCalendar"/> as singletons. The pack is loaded
    /// when the host starts, so an invalid pack stops start-up with a <see cref="PolicyPackException"/>
    /// naming the file, JSON path and rule. The load starts now, beside the building of the host
    /// (<see cref="PolicyPackPreload"/>); the configuration is checked again when the pack is resolved, so test hosts may override it.
    /// </summary>
    public static IServiceCollection AddPolicyPack(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.AddOptions<PolicyOptions>()
            .Bind(config.GetSection(PolicyOptions.Section))
            .PostConfigure(o =>
            {
                var chosen = config[PolicyOptions.OverrideKey];
                if (!string.IsNullOrWhiteSpace(chosen)) o.Pack = chosen.Trim();
            });
        var preload = PolicyPackPreload.Start(config);
        services.TryAddSingleton(sp => preload.Take(sp.GetRequiredService<IOptions<PolicyOptions>>().Value));
        services.TryAddSingleton(sp => CalendarFor(sp.GetRequiredService<PolicyPack>()));
        services.AddHostedService<PolicyPackStartup>();
        return services;
    }

    /// <summary>Business days in the pack's time zone, skipping its holidays.</summary>
    public static BusinessCalendar CalendarFor(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(pack.TimeZone), pack.Holidays.Select(h => h.Date));
    }
}

using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Policy;

/// <summary>
/// Loads the pack as the host starts (resolving it is the load), so a broken pack fails start-up
/// rather than the first request, and says which city's policy is running.
/// </summary>
public sealed partial class PolicyPackStartup(PolicyPack pack, ILogger<PolicyPackStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogActive(logger, pack.Id, pack.City, pack.TimeZone, pack.Tiers.Count, pack.Rubric.Rules.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy pack {PackId} ({City}, {TimeZone}) is active: {Tiers} tiers, {Rules} rubric rules")]
    private static partial void LogActive(ILogger logger, string packId, string city, string timeZone, int tiers, int rules);
}

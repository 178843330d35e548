using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Policy;

/// <summary>
/// Loading and schema-validating the pack is the largest single piece of start-up work (benchmark 5
/// in <c>bench/</c>), and none of it needs the host. It starts on a worker thread as soon as the
/// services are registered, so it runs beside the building of the host instead of before the server
/// listens. The pack singleton takes the result only if the configuration still names the same pack
/// and folder when it is resolved (a test host may change them after registration); otherwise it loads
/// again. A broken pack still fails start-up: the same <see cref="PolicyPackException"/> is rethrown.
/// </summary>
internal sealed class PolicyPackPreload
{
    private readonly string _directory;
    private readonly string _packId;
    private readonly Task<PolicyPack> _loading;

    private PolicyPackPreload(string directory, string packId)
    {
        (_directory, _packId) = (directory, packId);
        _loading = Task.Run(() => PolicyPackLoader.Load(directory, packId));
        // A preload nobody takes must not surface later as an unobserved task exception.
        _ = _loading.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public static PolicyPackPreload Start(IConfiguration config)
    {
        var options = new PolicyOptions();
        config.GetSection(PolicyOptions.Section).Bind(options);
        if (config[PolicyOptions.OverrideKey] is { } chosen && !string.IsNullOrWhiteSpace(chosen)) options.Pack = chosen.Trim();
        return new PolicyPackPreload(options.FullDirectory, options.Pack);
    }

    /// <summary>The pack as configured now: the preloaded one when it is the same, else loaded here.</summary>
    public PolicyPack Take(PolicyOptions options) =>
        options.FullDirectory == _directory && options.Pack == _packId
            ? _loading.GetAwaiter().GetResult()
            : PolicyPackLoader.Load(options.FullDirectory, options.Pack);
}

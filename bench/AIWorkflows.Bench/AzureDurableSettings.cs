using System.Text.Json.Nodes;

namespace AIWorkflows.Bench;

/// <summary>
/// The Durable engine as the Functions host runs it in Azure: host.json's <c>durableTask</c> settings (partition
/// count, queue polling ceiling, app lease) and the backend's own lease timings, which host.json cannot change
/// (30 s leases renewed every 10 s, looked for every 10 s). The local host's appsettings shorten those for a
/// fast hand-over after a crash; a benchmark of what a city pays must not.
/// </summary>
internal sealed record AzureDurableSettings(int PartitionCount, TimeSpan MaxQueuePollingInterval, bool UseAppLease)
{
    /// <summary>The backend's defaults, which the plain app runs.</summary>
    public static AzureDurableSettings Defaults { get; } = new(4, TimeSpan.FromSeconds(30), UseAppLease: true);

    public static AzureDurableSettings FromHostJson()
    {
        var durable = JsonNode.Parse(File.ReadAllText(Path.Combine(Machine.RepoRoot(), "host.json")))?["extensions"]?["durableTask"];
        var provider = durable?["storageProvider"];
        return new(
            (int?)provider?["partitionCount"] ?? Defaults.PartitionCount,
            provider?["maxQueuePollingInterval"] is { } polling ? TimeSpan.Parse((string)polling!, System.Globalization.CultureInfo.InvariantCulture) : Defaults.MaxQueuePollingInterval,
            (bool?)durable?["useAppLease"] ?? Defaults.UseAppLease);
    }

    public string Describe() =>
        $"{PartitionCount} partition{(PartitionCount == 1 ? "" : "s")}, queues polled at most every {MaxQueuePollingInterval.TotalSeconds:F0} s, app lease {(UseAppLease ? "on" : "off")}";

    public Dictionary<string, string?> AsLocalDurable() => new()
    {
        ["LocalDurable:PartitionCount"] = $"{PartitionCount}",
        ["LocalDurable:MaxQueuePollingInterval"] = MaxQueuePollingInterval.ToString("c"),
        ["LocalDurable:UseAppLease"] = UseAppLease ? "true" : "false",
        ["LocalDurable:LeaseInterval"] = "00:00:30",
        ["LocalDurable:LeaseRenewInterval"] = "00:00:10",
        ["LocalDurable:LeaseAcquireInterval"] = "00:00:10",
    };
}

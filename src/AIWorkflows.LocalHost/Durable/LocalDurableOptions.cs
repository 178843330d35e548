using System.Reflection;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Options;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// How the local host runs Durable: the Azure Storage backend (Azurite locally) and the functions to
/// register. Bind from configuration section <see cref="SectionName"/> or set in code.
/// </summary>
public sealed class LocalDurableOptions
{
    public const string SectionName = "LocalDurable";

    /// <summary>A connection string with Blob, Queue and Table endpoints (Azurite's, or an account's).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Names the queues, tables and containers; 3-45 letters and digits, starting with a letter.</summary>
    public string TaskHubName { get; set; } = "AIWorkflows";

    /// <summary>
    /// Control queues. One is enough for one local process; the Functions host's default (4) only pays
    /// off with several instances sharing a hub, and each extra queue is polled while idle.
    /// </summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>
    /// The ceiling of the backend's idle back-off on its queues: the worst-case delay before a new
    /// message (a start, an event, a timer, an activity) is noticed after a quiet spell. The backend's
    /// own default is 30 s. Measured on Azurite (see docs/durable-local-host.md): 1 s keeps an event's
    /// round trip under about a second for ~50 polls a minute per queue; 100 ms halves that latency at ten times the polls.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a client waiting for an instance to finish looks at its status (the backend's own wait
    /// looks every 2 s). Only while someone waits; one table read each time.
    /// </summary>
    public TimeSpan StatusPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Passed to the backend; the gRPC sidecar's dispatcher does not use the sessions it opens (see the docs).</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>The assemblies whose <c>[Function]</c> orchestrators and activities are registered.</summary>
    public IList<Assembly> FunctionAssemblies { get; } = [];

    /// <summary>Last word on the backend's settings (lease intervals, concurrency, visibility timeouts...).</summary>
    public Action<AzureStorageOrchestrationServiceSettings>? ConfigureBackend { get; set; }

    /// <summary>How long a stop waits for the sidecar to drain before the backend is stopped by force (its leases released).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    internal sealed class Validator : IValidateOptions<LocalDurableOptions>
    {
        public ValidateOptionsResult Validate(string? name, LocalDurableOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString)) yield return "LocalDurable:ConnectionString is required (Azurite's, with Blob, Queue and Table endpoints).";
        if (TaskHubName.Length is < 3 or > 45 || !char.IsAsciiLetter(TaskHubName[0]) || !TaskHubName.All(char.IsAsciiLetterOrDigit))
            yield return $"LocalDurable:TaskHubName '{TaskHubName}' must be 3-45 letters and digits, starting with a letter.";
        if (PartitionCount is < 1 or > 16) yield return "LocalDurable:PartitionCount must be between 1 and 16.";
        if (MaxQueuePollingInterval <= TimeSpan.Zero) yield return "LocalDurable:MaxQueuePollingInterval must be positive.";
        if (StatusPollingInterval <= TimeSpan.Zero) yield return "LocalDurable:StatusPollingInterval must be positive.";
        if (FunctionAssemblies.Count == 0) yield return "LocalDurable:FunctionAssemblies names no assembly to scan for orchestrators and activities.";
    }
}

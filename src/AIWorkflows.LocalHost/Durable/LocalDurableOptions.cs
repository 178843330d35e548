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

    /// <summary>The service key of the counter of the Durable backend's storage requests.</summary>
    public const string CounterKey = "durable";

    /// <summary>A connection string with Blob, Queue and Table endpoints (Azurite's, or an account's).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Names the queues, tables and containers; 3-45 letters and digits, starting with a letter.</summary>
    public string TaskHubName { get; set; } = "AIWorkflows";

    // Measured on Azurite, one host, 2 cores (DurableMeasurements, LOCALHOST_MEASURE=1), by the backend's
    // MaxQueuePollingInterval with 1 | 4 partitions:
    //   storage transactions per idle minute: 100 ms 1043 | 2601, 500 ms 242 | 599, 1 s 132 | 327, 5 s 38 | 92, 30 s 18 | ~42;
    //   durable timer, after idling, ran: ≤ 1 s: on time (up to 1 s early: queue visibility is in whole
    //   seconds), 5 s: 2-3.5 s late, 30 s: 6-10 s late;
    //   event raised by another process: 100-500 ms: 40-120 ms, 1 s: 0.8-1.7 s, 5 s: 1.4-1.7 s, 30 s: 18 s;
    //   event raised through this host's client: 20-30 ms whatever the setting (the backend wakes its own
    //   poller when it enqueues); host start to first orchestration done: ~150 ms whatever the setting.

    /// <summary>Control queues: one suffices for one process, and each is polled while idle. A hub keeps its count for good.</summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>
    /// The ceiling of the backend's idle back-off on its queues (its own default is 30 s): how late a
    /// durable timer or another process's message can be noticed. 1 s keeps timers on time for
    /// ~130 transactions an idle minute.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a client waiting for an instance to finish looks at its status (the backend's own wait
    /// looks every 2 s). Only while someone waits; one table read each time.
    /// </summary>
    public TimeSpan StatusPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Passed to the backend. Orchestrations run with it, but it changes nothing measurable here: the
    /// sidecar's dispatcher releases each work item after one episode and ignores the session.
    /// </summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>
    /// How long a partition's lease lasts, how often its owner renews it and how often a worker looks for
    /// leases to take: null leaves the backend's own (30 s, 10 s, 10 s; the Functions host in Azure uses
    /// these, host.json cannot set them). Each renewal is a Partitions-table write per partition, so shorter
    /// timings hand a dead process's work on sooner for more idle requests (benchmark 2).
    /// </summary>
    public TimeSpan? LeaseInterval { get; set; }

    /// <inheritdoc cref="LeaseInterval"/>
    public TimeSpan? LeaseRenewInterval { get; set; }

    /// <inheritdoc cref="LeaseInterval"/>
    public TimeSpan? LeaseAcquireInterval { get; set; }

    /// <summary>
    /// The app lease (host.json <c>useAppLease</c>, on by default): one app of several sharing a hub (a
    /// deployment slot) processes it at a time, for a blob lease renewal every few seconds.
    /// </summary>
    public bool UseAppLease { get; set; } = true;

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
        if (LeaseRenewInterval >= (LeaseInterval ?? TimeSpan.FromSeconds(30)))
            yield return "LocalDurable:LeaseRenewInterval must be shorter than LeaseInterval, or leases lapse between renewals.";
        if (FunctionAssemblies.Count == 0) yield return "LocalDurable:FunctionAssemblies names no assembly to scan for orchestrators and activities.";
    }
}

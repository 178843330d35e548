using System.Collections.Concurrent;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.Storage.Tests.Fixtures;

/// <summary>Passes timers on to the real store and records each delivery.</summary>
public sealed class RecordingTarget(ITimerTarget inner) : ITimerTarget
{
    private readonly ConcurrentQueue<(string InstanceId, string CommandJson)> _delivered = new();

    public string Workflow => inner.Workflow;

    public IReadOnlyList<(string InstanceId, string CommandJson)> Delivered => [.. _delivered];

    /// <summary>When set, deliveries throw (a target that is down).</summary>
    public bool Down { get; set; }

    public async Task DeliverAsync(string instanceId, string commandJson, CancellationToken cancellationToken)
    {
        if (Down) throw new InvalidOperationException("target down");
        await inner.DeliverAsync(instanceId, commandJson, cancellationToken);
        _delivered.Enqueue((instanceId, commandJson));
    }
}

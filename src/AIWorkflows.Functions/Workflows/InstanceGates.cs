namespace AIWorkflows.App.Workflows;

/// <summary>
/// One turn at a time per instance id, in this process. Waking a sleeping instance starts it again
/// under the same id; two wakes started together (a tool-wide hold fanning out to a record while
/// that record is held on its own) leave the engine with two start messages for one instance, and
/// it abandons the second over and over while neither answers. Whoever takes the turn second finds
/// the instance awake and sends it an event instead.
/// </summary>
public sealed class InstanceGates
{
    private readonly Dictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    /// <summary>Takes the instance's turn; the turn says whether another caller had it first (what was read before may be stale).</summary>
    public async Task<InstanceTurn> EnterAsync(string instanceId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(instanceId, out gate!)) _gates[instanceId] = gate = new Gate(this, instanceId);
            gate.Users++;
        }
        try
        {
            if (gate.Turn.Wait(0, cancellationToken)) return new InstanceTurn(gate, Waited: false);
            await gate.Turn.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(gate);
            throw;
        }
        return new InstanceTurn(gate, Waited: true);
    }

    /// <summary>How many ids have a gate right now (a test checks none are left behind).</summary>
    public int Open
    {
        get { lock (_gates) return _gates.Count; }
    }

    private void Leave(Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0) _gates.Remove(gate.InstanceId);
        }
    }

    private sealed class Gate(InstanceGates owner, string instanceId) : IDisposable
    {
        public SemaphoreSlim Turn { get; } = new(1, 1);
        public string InstanceId => instanceId;
        public int Users { get; set; }

        public void Dispose()
        {
            Turn.Release();
            owner.Leave(this);
        }
    }
}

/// <summary>A turn at one instance; disposing it gives the turn to the next caller.</summary>
public readonly record struct InstanceTurn(IDisposable Gate, bool Waited) : IDisposable
{
    public void Dispose() => Gate.Dispose();
}

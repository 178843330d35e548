namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>One event moving a workflow from one status to another, or back to the same one.</summary>
internal sealed record Transition(string From, string Event, string To);

/// <summary>
/// What exploring a decider found: each status with the state record it is, and every transition seen.
/// Statuses are the boxes because they are what people see: one record (a tool in service) can show
/// as several statuses (approved, pilot, suspended).
/// </summary>
internal sealed class StateGraph(string initial)
{
    private static readonly Comparer<Transition> Order = Comparer<Transition>.Create((a, b) =>
        (string.CompareOrdinal(a.From, b.From), string.CompareOrdinal(a.To, b.To), string.CompareOrdinal(a.Event, b.Event)) switch
        {
            (not 0 and var c, _, _) => c,
            (_, not 0 and var c, _) => c,
            (_, _, var c) => c,
        });

    public string Initial { get; } = initial;

    /// <summary>Each status and the name of the state record behind it.</summary>
    public SortedDictionary<string, string> Statuses { get; } = new(StringComparer.Ordinal);

    public SortedSet<Transition> Transitions { get; } = new(Order);

    /// <summary>Distinct states (with their clock) the exploration expanded or reached.</summary>
    public int StatesVisited { get; set; }

    public void AddStatus(string status, Type record)
    {
        if (Statuses.TryGetValue(status, out var known) && known != record.Name)
            throw new InvalidOperationException($"Status '{status}' is both {known} and {record.Name}: the diagram could not tell them apart.");
        Statuses[status] = record.Name;
    }

    public void Merge(StateGraph other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Initial != Initial) throw new InvalidOperationException($"Initial status differs: {Initial} and {other.Initial}.");
        foreach (var (status, record) in other.Statuses)
        {
            if (Statuses.TryGetValue(status, out var known) && known != record)
                throw new InvalidOperationException($"Status '{status}' is both {known} and {record}.");
            Statuses[status] = record;
        }
        Transitions.UnionWith(other.Transitions);
        StatesVisited += other.StatesVisited;
    }

    /// <summary>Statuses nothing leads out of (a self-transition such as a late incident note does not count).</summary>
    public IEnumerable<string> Terminal => Statuses.Keys.Where(s => Transitions.All(t => t.From != s || t.To == s));
}

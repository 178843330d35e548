using System.Text.Json;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>
/// Breadth-first over a decider: from Initial, every command the catalog offers is decided and its
/// events folded one by one through Evolve, each recorded as a transition between statuses. A state
/// is visited once per clock reading (its JSON, the stored form, is its identity) and no deeper than
/// MaxDepth commands from the start, so the walk is finite and always the same.
/// </summary>
internal static class StateExplorer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StateGraph Explore<TCommand, TState, TEvent>(Exploration<TCommand, TState, TEvent> x)
        where TState : notnull
        where TEvent : notnull
    {
        ArgumentNullException.ThrowIfNull(x);
        var decider = x.Decider;
        var graph = new StateGraph(x.Status(decider.Initial));
        graph.AddStatus(graph.Initial, decider.Initial.GetType());
        HashSet<string> seen = [Key(decider.Initial, x.Start)];
        var frontier = new Queue<(TState State, DateTimeOffset Clock, int Depth)>([(decider.Initial, x.Start, 0)]);
        while (frontier.TryDequeue(out var node))
        {
            foreach (var command in x.Commands(node.State, node.Clock))
            {
                var now = x.NowOf(command);
                // Time is an input and only moves forward: a catalog that offers the past is a bug in the catalog.
                if (now < node.Clock) throw new InvalidOperationException($"{command} is before the clock ({node.Clock:O}).");
                var events = decider.Decide(command, node.State);
                if (events.Count == 0) continue;
                var state = node.State;
                foreach (var e in events)
                {
                    var next = decider.Evolve(state, e);
                    graph.AddStatus(x.Status(next), next.GetType());
                    graph.Transitions.Add(new Transition(x.Status(state), e.GetType().Name, x.Status(next)));
                    state = next;
                }
                if (node.Depth + 1 >= x.MaxDepth || !seen.Add(Key(state, now))) continue;
                if (seen.Count > x.MaxStates)
                    throw new InvalidOperationException($"More than {x.MaxStates} states: narrow the catalog or lower the depth.");
                frontier.Enqueue((state, now, node.Depth + 1));
            }
        }
        graph.StatesVisited = seen.Count;
        return graph;
    }

    private static string Key<TState>(TState state, DateTimeOffset clock) =>
        $"{clock.UtcTicks}|{JsonSerializer.Serialize(state, Json)}";
}

using System.Diagnostics;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>
/// One workflow's diagram: where it is written, which source file opens with its policy clauses,
/// its state and event hierarchies, and how to explore its decider under a pack (null when the
/// pack does not run the workflow, e.g. no union policy).
/// </summary>
internal sealed record WorkflowDiagram(
    string Slug,
    string Title,
    string DeciderName,
    string StateFile,
    Type StateType,
    Type EventType,
    Func<PolicyPack, StateGraph?> ExploreUnder)
{
    private readonly Lazy<(StateGraph Graph, IReadOnlyList<string> Packs, TimeSpan Took)> _explored = new(() =>
    {
        var started = Stopwatch.GetTimestamp();
        StateGraph? merged = null;
        List<string> packs = [];
        foreach (var pack in ShippedPacks.All)
        {
            if (ExploreUnder(pack) is not { } graph) continue;
            packs.Add(pack.Id);
            if (merged is null) merged = graph;
            else merged.Merge(graph);
        }
        return (merged ?? throw new InvalidOperationException($"No shipped pack runs {Slug}."), packs, Stopwatch.GetElapsedTime(started));
    });

    /// <summary>The union of the explorations under every shipped pack that runs the workflow (explored once per test run).</summary>
    public StateGraph Graph => _explored.Value.Graph;

    public IReadOnlyList<string> Packs => _explored.Value.Packs;

    public TimeSpan ExploredIn => _explored.Value.Took;

    public override string ToString() => Slug;
}

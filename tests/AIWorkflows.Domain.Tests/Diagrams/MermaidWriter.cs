using System.Text;
using System.Text.RegularExpressions;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>Writes a state graph as a Mermaid state diagram, in a fixed order so the text only changes when the code does.</summary>
internal static partial class MermaidWriter
{
    public static string StateDiagram(StateGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var text = new StringBuilder("stateDiagram-v2\n");
        // Each box names the state record under the status, so a reader can find it in the code.
        foreach (var (status, record) in graph.Statuses) text.Append($"    {Id(status)} : {record}\n");
        text.Append($"    [*] --> {Id(graph.Initial)}\n");
        // Parallel transitions share one arrow with their events listed, so self-transitions stay legible.
        foreach (var arrow in graph.Transitions.GroupBy(t => (t.From, t.To)))
            text.Append($"    {Id(arrow.Key.From)} --> {Id(arrow.Key.To)} : {string.Join(", ", arrow.Select(t => t.Event))}\n");
        foreach (var status in graph.Terminal) text.Append($"    {Id(status)} --> [*]\n");
        return text.ToString();
    }

    private static string Id(string status) =>
        PlainId().IsMatch(status) ? status : throw new InvalidOperationException($"Status '{status}' is not a plain Mermaid state id.");

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex PlainId();
}

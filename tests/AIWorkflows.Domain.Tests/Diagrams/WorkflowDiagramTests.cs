using AIWorkflows.Domain.Deciding;
using Xunit.Abstractions;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>The committed diagrams under docs/workflows are what the deciders do; a change to either shows here.</summary>
public class WorkflowDiagramTests(ITestOutputHelper output)
{
    public static TheoryData<string> Workflows => [.. WorkflowDiagrams.All.Select(w => w.Slug)];

    [Theory]
    [MemberData(nameof(Workflows))]
    public void TheCommittedDiagramIsTheOneTheDeciderDraws(string slug)
    {
        var w = WorkflowDiagrams.Get(slug);
        var generated = DiagramDocument.Render(w);
        var path = DiagramDocument.PathOf(w);
        output.WriteLine($"{slug}: {w.Graph.StatesVisited} states under {string.Join(", ", w.Packs)} in {w.ExploredIn.TotalMilliseconds:F0} ms, {w.Graph.Transitions.Count} transitions");
        if (Environment.GetEnvironmentVariable(DiagramDocument.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
            return;
        }
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(committed == generated,
            $"{Path.GetRelativePath(DiagramDocument.RepoRoot(), path)} no longer matches {w.DeciderName} ({FirstDifference(committed, generated)}). " +
            $"Regenerate it with: {DiagramDocument.UpdateVariable}=1 dotnet test tests/AIWorkflows.Domain.Tests -c Release --filter \"FullyQualifiedName~Diagrams\", then review and commit the diff.");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryStateRecordOfTheWorkflowIsReached(string slug)
    {
        var w = WorkflowDiagrams.Get(slug);
        var records = w.StateType.Assembly.GetTypes().Where(t => t.IsSubclassOf(w.StateType) && !t.IsAbstract).ToList();
        var missing = records.Where(t => !w.Graph.Statuses.ContainsValue(t.Name)).Select(t => t.Name);
        Assert.True(records.Count > 1, $"{w.StateType.Name} has no state records to look for.");
        Assert.True(!missing.Any(), $"{w.StateType.Name} {string.Join(", ", missing)} never appears: the catalog misses a command, or the decider cannot reach it.");
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void EveryEventOfTheWorkflowIsDecided(string slug)
    {
        var w = WorkflowDiagrams.Get(slug);
        var decided = w.Graph.Transitions.Select(t => t.Event).ToHashSet();
        var events = w.EventType.Assembly.GetTypes().Where(t => t.IsSubclassOf(w.EventType) && !t.IsAbstract).ToList();
        var missing = events.Where(t => !decided.Contains(t.Name)).Select(t => t.Name);
        Assert.True(events.Count > 1, $"{w.EventType.Name} has no events to look for.");
        Assert.True(!missing.Any(), $"{string.Join(", ", missing)} never decided: the catalog misses a command, or no command produces it.");
    }

    [Fact]
    public void EveryDeciderInTheDomainHasADiagram()
    {
        var deciders = typeof(IDecider<,,>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDecider<,,>)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(deciders, WorkflowDiagrams.All.Select(w => w.DeciderName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheDocsIndexLinksEveryDiagram()
    {
        var index = File.ReadAllText(Path.Combine(DiagramDocument.RepoRoot(), "docs", "workflows", "README.md"));

        Assert.All(WorkflowDiagrams.All, w => Assert.Contains($"]({w.Slug}.md)", index, StringComparison.Ordinal));
    }

    private static string FirstDifference(string committed, string generated)
    {
        var a = committed.Split('\n');
        var b = generated.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(end of file)";
            var y = i < b.Length ? b[i] : "(end of file)";
            if (x != y) return $"line {i + 1}: committed \"{x}\", generated \"{y}\"";
        }
        return "same lines";
    }
}

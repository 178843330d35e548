using System.Text;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>docs/workflows/&lt;slug&gt;.md: a heading, the policy clauses from the workflow file's opening comment, the diagram.</summary>
internal static class DiagramDocument
{
    public const string UpdateVariable = "UPDATE_DIAGRAMS";

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AIWorkflows.sln"))) return dir.FullName;
        throw new InvalidOperationException("AIWorkflows.sln not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(WorkflowDiagram w) => Path.Combine(RepoRoot(), "docs", "workflows", w.Slug + ".md");

    public static string Render(WorkflowDiagram w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new StringBuilder()
            .Append($"# {w.Title}\n\n")
            .Append($"{OpeningComment(w)}\n\n")
            .Append($"Generated from `{w.DeciderName}` under the {string.Join(", ", w.Packs)} policy pack{(w.Packs.Count > 1 ? "s" : "")} by ")
            .Append("`tests/AIWorkflows.Domain.Tests/Diagrams`; do not edit by hand ([how to read and regenerate](README.md)).\n\n")
            .Append("```mermaid\n")
            .Append(MermaidWriter.StateDiagram(w.Graph))
            .Append("```\n")
            .ToString();
    }

    /// <summary>The two or three comment lines that open the workflow's state file, as one paragraph.</summary>
    public static string OpeningComment(WorkflowDiagram w)
    {
        var file = Path.Combine(RepoRoot(), "src", "AIWorkflows.Domain", w.StateFile);
        var lines = File.ReadLines(file)
            .SkipWhile(l => !l.StartsWith("// ", StringComparison.Ordinal))
            .TakeWhile(l => l.StartsWith("// ", StringComparison.Ordinal))
            .Select(l => l[3..].Trim())
            .ToList();
        return lines.Count > 0 ? string.Join(' ', lines) : throw new InvalidOperationException($"{file} does not open with a comment naming its policy clauses.");
    }
}

using System.Globalization;
using System.Text;
using AIWorkflows.Storage.Counting;

namespace AIWorkflows.Bench;

/// <summary>The markdown every benchmark adds to: a summary row per target, then its own sections.</summary>
internal sealed class Report
{
    private readonly List<string[]> _summary = [];
    private readonly StringBuilder _sections = new();

    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One line of the summary table: what was measured, the figure, the target and whether it is met.</summary>
    public void Target(string benchmark, string measure, string value, string target, bool? met) =>
        _summary.Add([benchmark, measure, value, target, met switch { true => "met", false => "**missed**", null => "—" }]);

    public void Section(string title, string markdown)
    {
        _sections.Append(Inv, $"### {title}\n\n{markdown.TrimEnd()}\n\n");
        Console.WriteLine($"\n### {title}\n\n{markdown.TrimEnd()}\n");
    }

    public static string Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        var h = headers.ToList();
        var sb = new StringBuilder();
        sb.Append("| ").AppendJoin(" | ", h).Append(" |\n|").AppendJoin("|", h.Select(_ => "---")).Append("|\n");
        foreach (var row in rows) sb.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        return sb.ToString();
    }

    /// <summary>Transactions by operation (method and table/container; batches show as table/$batch), most first.</summary>
    public static string Breakdown(StorageTransactionSnapshot s) => string.Join(", ",
        s.ByOperation.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.ToString(), StringComparer.Ordinal)
            .Select(kv => $"{kv.Key.Method} {Short(kv.Key.Resource)} ×{kv.Value}"));

    // Tables carry a per-run prefix ("t0123456789ab"); the logical name is what a reader wants.
    private static string Short(string resource) =>
        resource.Length > 13 && resource[0] == 't' && resource[1..13].All(char.IsAsciiHexDigitLower) ? resource[13..] : resource;

    public string Summary() => Table(["benchmark", "measure", "result", "target", ""], _summary);

    public string Markdown(string header) => $"{header}\n## Summary\n\n{Summary()}\n## Details\n\n{_sections}";
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using AIWorkflows.Storage.Counting;

namespace AIWorkflows.Bench;

/// <summary>The markdown every benchmark adds to: a summary row per target, then its own sections.</summary>
internal sealed class Report
{
    private readonly List<string[]> _summary = [];
    private readonly List<string[]> _sideBySide = [];
    private readonly SortedDictionary<string, double> _figures = new(StringComparer.Ordinal);
    private readonly StringBuilder _sections = new();

    public static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One line of the summary table: what was measured, the figure, the target and whether it is met.</summary>
    public void Target(string benchmark, string measure, string value, string target, bool? met) =>
        _summary.Add([benchmark, measure, value, target, met switch { true => "met", false => "**missed**", null => "—" }]);

    /// <summary>A figure for bench/results/latest.json (issue 18 names the keys).</summary>
    public void Figure(string key, double value) => _figures[key] = Math.Round(value, 3);

    /// <summary>
    /// One row of the side-by-side table: ours and the plain Durable Functions app measured the same way in
    /// the same run, their ratio, and whether the ratio meets the issue's target (ours ≤ or ≥ target × plain).
    /// </summary>
    public void Compare(string measure, double ours, double plain, string format, (string Text, bool Met)? target)
    {
        var ratio = plain == 0 ? double.NaN : ours / plain;
        _sideBySide.Add([measure, ours.ToString(format, Inv), plain.ToString(format, Inv), $"**{ratio.ToString("F2", Inv)}**",
            target?.Text ?? "—", target is { } t ? (t.Met ? "met" : "**missed**") : "—"]);
    }

    public string SideBySide() => _sideBySide.Count == 0 ? "" :
        "## Side by side with a plain Durable Functions app\n\n"
        + Table(["measure", "ours", "plain", "ours ÷ plain", "target", ""], _sideBySide)
        + "\nThe plain app (`bench/PlainApp`) is the same approval as a competent team would first write it on Durable Functions: "
        + "one activity per effect, events for the reviews, one eternal orchestration per registered tool, the backend's default settings "
        + "(4 partitions, queues polled at most every 30 s, its own lease and visibility timings). It runs on the same local host machinery "
        + "(HTTP triggers from attributes; orchestrations and activities on `AzureStorageOrchestrationService` behind the in-process gRPC sidecar), "
        + "in the same run, on the same Azurite, and its storage requests, its own and the Durable backend's, are counted by the same counters as ours.\n\n";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Json() => JsonSerializer.Serialize(_figures, Indented) + "\n";

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

    // Queue messages, table rows and blobs, by what the request was for: the engine's queues (control and work items),
    // its History and Instances tables, its leases, and the app's own storage.
    public static string ByKind(StorageTransactionSnapshot durable, StorageTransactionSnapshot app)
    {
        long Where(StorageTransactionSnapshot s, Func<string, bool> p) => s.ByOperation.Where(kv => p(kv.Key.Resource)).Sum(kv => kv.Value);
        var queues = Where(durable, r => r.Contains("-control-", StringComparison.Ordinal) || r.EndsWith("-workitems", StringComparison.Ordinal));
        var history = Where(durable, r => r.Contains("History", StringComparison.Ordinal));
        var instances = Where(durable, r => r.Contains("Instances", StringComparison.Ordinal));
        var other = durable.Total - queues - history - instances;
        return $"engine queues {queues}, History {history}, Instances {instances}, other engine {other} (leases, partitions, large messages), app's own {app.Total}";
    }

    public string Summary() => Table(["benchmark", "measure", "result", "target", ""], _summary);

    public string Markdown(string header) => $"{header}\n## Summary\n\n{Summary()}\n{SideBySide()}## Details\n\n{_sections}";
}

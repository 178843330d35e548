using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Checks;

/// <summary>
/// axe-core on the page as the browser shows it now, with the WCAG 2.0/2.1 A and AA rules
/// (Section 508 refers to WCAG 2.0 AA; the city aims at 2.1 AA). Serious and critical
/// violations fail; moderate and minor ones are reported in the message only.
/// </summary>
public static class Accessibility
{
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    public static async Task<IReadOnlyList<AxeResultItem>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
        });
        return result.Violations ?? [];
    }

    public static bool IsBlocking(AxeResultItem violation) => violation.Impact is { } impact && Blocking.Contains(impact);

    /// <summary>Fails, naming each rule, element and fix, when the page has a serious or critical violation.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        if (!violations.Any(IsBlocking)) return;
        Assert.Fail($"Accessibility violations on {page.Url} (\"{await page.TitleAsync()}\"):\n{Describe(violations)}");
    }

    public static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations.OrderByDescending(IsBlocking))
        {
            text.AppendLine($"- [{v.Impact}] {v.Id}: {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes.Take(5))
            {
                text.AppendLine($"    at {node.Target}: {Clip(node.Html)}");
                foreach (var check in (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []))
                    text.AppendLine($"      {check.Message}");
            }
        }
        return text.ToString();
    }

    private static string Clip(string? html) => html is null ? "" : html.Length > 160 ? html[..160] + "…" : html;
}

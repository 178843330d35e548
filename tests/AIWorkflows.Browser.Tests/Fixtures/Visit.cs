using System.Diagnostics;
using AIWorkflows.Browser.Tests.Checks;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AIWorkflows.Browser.Tests.Fixtures;

/// <summary>
/// One journey's record of the pages it reached. Each page is screenshotted the moment a person would
/// see it, and each kind of page (the request form, the form with errors, a review...) is checked with
/// axe for serious and critical WCAG 2.1 AA violations the first time any test in the run reaches it:
/// axe takes seconds a page, and the same page for another reviewer or journey adds nothing.
/// </summary>
public sealed class Visit(BrowserWorld world, string journey, ITestOutputHelper output)
{
    private readonly List<string> _seen = [];

    public IReadOnlyList<string> Seen => _seen;

    /// <param name="kind">What page this is; names the screenshot and keys the accessibility check.</param>
    /// <param name="who">Whose view of it (a reviewer's address), added to the screenshot's name.</param>
    public async Task SeeAsync(IPage page, string kind, string? who = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(world.CspViolations.IsEmpty, $"The browser refused what {kind} ({page.Url}) needs under the Content-Security-Policy:\n{string.Join("\n", world.CspViolations)}");
        var clock = Stopwatch.StartNew();
        var shot = await world.Screenshots.TakeAsync(page, journey, who is null ? kind : $"{kind} {who.Split('@')[0]}");
        var took = $"screenshot {clock.ElapsedMilliseconds} ms";
        if (world.FirstVisit(kind))
        {
            clock.Restart();
            var violations = await Accessibility.ViolationsAsync(page);
            took += $", axe {clock.ElapsedMilliseconds} ms";
            if (violations.Count > 0)
                output.WriteLine($"{kind} ({page.Url}): {violations.Count} axe finding(s) below serious\n{Accessibility.Describe(violations)}");
            if (violations.Any(Accessibility.IsBlocking))
                Assert.Fail($"Accessibility violations on {kind} ({page.Url}, screenshot {shot}):\n{Accessibility.Describe(violations)}");
        }
        _seen.Add($"{kind}{(who is null ? "" : $" ({who})")}: {Clip(new Uri(page.Url).PathAndQuery)} ({took})");
    }

    private static string Clip(string path) => path.Length > 60 ? path[..60] + "…" : path;
}

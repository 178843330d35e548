using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Fixtures;

public static class Navigation
{
    /// <summary>
    /// Runs <paramref name="action"/> (a click or a key press) and waits until the page it loads,
    /// not the old one, has finished loading. Returns the main document's response (after any redirect: a POST answered 303 returns the page it leads to).
    /// </summary>
    public static async Task<IResponse> AfterAsync(IPage page, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync("() => { window.__leaving = true; }");
        var response = await page.RunAndWaitForResponseAsync(action, r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && r.Status is < 300 or >= 400);
        await page.WaitForFunctionAsync("() => !window.__leaving && document.readyState === 'complete'");
        return response;
    }
}

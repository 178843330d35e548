using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Fixtures;

/// <summary>
/// Full-page screenshots of every page the tests reach, in one folder per test run
/// (bin/&lt;configuration&gt;/net10.0/TestResults/screenshots), named so they sort in journey order.
/// </summary>
public sealed partial class Screenshots(string folder)
{
    private int _count;

    public string Folder { get; } = folder;

    public int Count => _count;

    public void Reset()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        Directory.CreateDirectory(Folder);
    }

    public async Task<string> TakeAsync(IPage page, string journey, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var dir = Path.Combine(Folder, Slug(journey));
        Directory.CreateDirectory(dir);
        var n = Directory.GetFiles(dir, "*.png").Length + 1;
        var path = Path.Combine(dir, $"{n:D2}-{Slug(name)}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Interlocked.Increment(ref _count);
        return path;
    }

    private static string Slug(string s) => NotSlug().Replace(s.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}

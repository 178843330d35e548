using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Fixtures;

/// <summary>
/// Debian's Chromium (<c>apt-get install chromium</c>, which <c>./test</c> does on a fresh machine),
/// driven headless by Playwright. Playwright never downloads a browser here, and the browser is
/// told not to reach the network on its own (updates, safe browsing, metrics): only loopback pages load.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", // tests run as root in a container, where Chromium's sandbox cannot start
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-sync",
            "--disable-extensions",
            "--disable-client-side-phishing-detection",
            "--disable-domain-reliability",
            "--metrics-recording-only",
            "--no-first-run",
            "--no-default-browser-check",
            "--no-pings",
            "--safebrowsing-disable-auto-update",
            "--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,AutofillServerCommunication",
        ],
    };

    /// <summary>Fails with what to do when the browser is missing, rather than letting Playwright offer a download.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing. Run ./test (it installs Debian's chromium package) or `apt-get install -y chromium`.");
    }
}

using AIWorkflows.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace AIWorkflows.Browser.Tests.Fixtures;

/// <summary>
/// What every browser test shares, started once per run: one Azurite, one Chromium, and one app
/// (real Kestrel on a free port, Development, fake clock) whose clock no test moves. A test that
/// needs to move time starts an app of its own with <see cref="StartAppAsync"/>.
/// </summary>
public sealed class BrowserWorld : IAsyncLifetime
{
    private readonly IMessageSink _sink;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _visited = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private AIWorkflowsApp? _app;

    public BrowserWorld(IMessageSink sink)
    {
        _sink = sink;
        Screenshots = new Screenshots(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots"));
    }

    public AzuriteFixture Azurite { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>The shared app: its clock stays at <see cref="AIWorkflowsApp.Start"/>.</summary>
    public AIWorkflowsApp App => _app ?? throw new InvalidOperationException("The app is not started.");

    public Screenshots Screenshots { get; }

    /// <summary>What the browser refused under the app's Content-Security-Policy (issue 19): a page that needs more than it allows.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> CspViolations { get; } = new();

    /// <summary>True the first time any test of the run reaches this kind of page.</summary>
    public bool FirstVisit(string kind) => _visited.TryAdd(kind, true);

    public async Task InitializeAsync()
    {
        // Belt and braces: nothing here installs browsers, and Playwright must not fetch one either.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Chromium.EnsureInstalled();
        Screenshots.Reset();
        _sink.OnMessage(new DiagnosticMessage($"Browser test screenshots: {Screenshots.Folder}"));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var azurite = Azurite.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions());
        var browserAt = clock.Elapsed;
        await azurite;
        var azuriteAt = clock.Elapsed;
        _app = await StartAppAsync();
        _sink.OnMessage(new DiagnosticMessage(
            $"Chromium {_browser.Version} up in {browserAt.TotalSeconds:F1} s, Azurite by {azuriteAt.TotalSeconds:F1} s, app by {clock.Elapsed.TotalSeconds:F1} s"));
    }

    /// <summary>Another app on the same Azurite (tables of its own), for a test that moves the clock.</summary>
    public async Task<AIWorkflowsApp> StartAppAsync(IDictionary<string, string?>? settings = null)
    {
        var app = new AIWorkflowsApp(Azurite, settings: settings);
        using var http = app.Http();
        // Pages need the tables; the app creates them in the background at start.
        for (var i = 0; i < 200; i++)
        {
            using var health = await http.GetAsync("/api/healthz");
            if (health.IsSuccessStatusCode) return app;
            await Task.Delay(50);
        }
        throw new InvalidOperationException("The app did not report ready within 10 s.");
    }

    /// <summary>
    /// A fresh browser profile (cookies, history) for one person. <paramref name="devUser"/> is sent as
    /// <c>X-Dev-User: email; roles</c>, the app's Development stand-in for App Service Authentication.
    /// </summary>
    public async Task<IBrowserContext> NewPersonAsync(AIWorkflowsApp app, string? devUser = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-US",
            AcceptDownloads = true,
            ExtraHTTPHeaders = devUser is null ? null : new Dictionary<string, string> { ["X-Dev-User"] = devUser },
        });
        context.SetDefaultTimeout(15_000);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) CspViolations.Enqueue($"{message.Location}: {message.Text}");
        };
        return context;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Azurite.DisposeAsync();
        _sink.OnMessage(new DiagnosticMessage($"Browser test screenshots ({Screenshots.Count}): {Screenshots.Folder}"));
    }
}

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using AIWorkflows.Storage.Counting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.Testing;

/// <summary>
/// The real app on a real Kestrel port, its storage in the fixture's Azurite under a prefix of its
/// own, a fake clock the test moves, and mail in the Development outbox (or SendGrid at a listener).
/// </summary>
public sealed class AIWorkflowsApp : WebApplicationFactory<AIWorkflows.LocalHost.LocalHostProgram>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero); // Mon 09:00 in Sacramento

    private readonly Dictionary<string, string?> _settings;
    private readonly ILoggerProvider? _logs;

    /// <param name="logs">Also sent every log line the app writes, from start-up on (security tests read them).</param>
    public AIWorkflowsApp(AzuriteFixture azurite, string policy = "sacramento", IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _logs = logs;
        Port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Policy:Pack"] = policy,
            ["Sweep:Scheduler"] = "false",
            ["App:BaseUrl"] = BaseUrl.ToString(),
            ["Tokens:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(Port);
        StartServer();
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public StorageTransactionCounter Counter => Services.GetRequiredService<StorageTransactionCounter>();

    /// <summary>A client with no cookies and no redirects followed: tests see what a browser would be sent.</summary>
    public HttpClient Http() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseUrl };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        if (_logs is { } logs) builder.ConfigureLogging(l => l.AddProvider(logs));
        if (Environment.GetEnvironmentVariable("AIW_TEST_LOGS") == "1") builder.ConfigureLogging(l => l.AddSimpleConsole(o => o.SingleLine = true));
    }

    private static int FreePort() => LoopbackPorts.Next();
}

using AIWorkflows.Testing;
using AIWorkflows.Testing.Mail;

namespace AIWorkflows.Bench;

/// <summary>
/// The real app (the tests' fixture: Kestrel on a free port, its own table prefix, a fake clock) with
/// mail going through the real SendGrid client to a local listener, as in production.
/// </summary>
internal sealed class BenchApp : IAsyncDisposable
{
    private BenchApp(AIWorkflowsApp app, SendGridListener sendGrid)
    {
        App = app;
        SendGrid = sendGrid;
        Http = app.Http();
    }

    public AIWorkflowsApp App { get; }

    public SendGridListener SendGrid { get; }

    public HttpClient Http { get; }

    public static async Task<BenchApp> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var sendGrid = await SendGridListener.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["SendGrid:ApiKey"] = "SG.bench-key",
            ["SendGrid:FromEmail"] = "ai-governance@city.example",
            ["SendGrid:BaseUrl"] = sendGrid.BaseUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var app = new AIWorkflowsApp(azurite, settings: all);
        return new BenchApp(app, sendGrid);
    }

    public IReadOnlyList<SentMail> Mail() => SentMail.All(SendGrid);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await SendGrid.DisposeAsync();
    }
}

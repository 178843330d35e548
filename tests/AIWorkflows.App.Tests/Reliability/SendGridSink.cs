using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AIWorkflows.App.Tests.Reliability;

/// <summary>
/// Stands in for api.sendgrid.com for the reliability tests: a real Kestrel listener on a free
/// loopback port that keeps every <c>POST /v3/mail/send</c> it accepted, with the app's message id
/// (custom arg <c>message_id</c>) and when it arrived, so a test counts each mail's deliveries.
/// </summary>
internal sealed partial class SendGridSink : IAsyncDisposable
{
    public const string ApiKey = "SG.reliability-test-key";

    private readonly WebApplication _app;

    private SendGridSink(WebApplication app) => _app = app;

    public sealed record Delivery(string MessageId, string To, string Subject, string Text, DateTimeOffset At, int Connection = 0)
    {
        /// <summary>Path and query of each link to the app in the mail, e.g. "/tasks/…".</summary>
        public IReadOnlyList<string> Paths(string prefix) =>
            [.. AppLink().Matches(Text).Select(m => new Uri(m.Value).PathAndQuery).Where(p => p.StartsWith(prefix, StringComparison.Ordinal))];
    }

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public string BaseUrl => _app.Urls.Single();

    /// <summary>The app settings that send mail here.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SendGrid:ApiKey"] = ApiKey,
        ["SendGrid:FromEmail"] = "ai-review@cityofsacramento.example",
        ["SendGrid:BaseUrl"] = BaseUrl,
    };

    public static async Task<SendGridSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new SendGridSink(app);
        app.MapPost("/v3/mail/send", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var mail = body.RootElement;
            var to = mail.GetProperty("personalizations")[0];
            // The official client puts a single mail's subject in its personalization.
            var subject = mail.TryGetProperty("subject", out var top) ? top : to.GetProperty("subject");
            sink.Deliveries.Enqueue(new Delivery(
                mail.GetProperty("custom_args").GetProperty("message_id").GetString()!,
                to.GetProperty("to")[0].GetProperty("email").GetString()!,
                subject.GetString()!,
                mail.GetProperty("content")[0].GetProperty("value").GetString()!,
                DateTimeOffset.UtcNow,
                request.HttpContext.Connection.RemotePort));
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        await app.StartAsync();
        return sink;
    }

    public IReadOnlyList<Delivery> With(string subjectPart) =>
        [.. Deliveries.Where(d => d.Subject.Contains(subjectPart, StringComparison.Ordinal))];

    /// <summary>Waits until <paramref name="done"/> holds over the deliveries, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<Delivery>, bool> done, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!done([.. Deliveries]))
        {
            if (DateTime.UtcNow > until) Assert.Fail($"Timed out after {timeout.TotalSeconds}s waiting for {what}; {Deliveries.Count} mail(s) arrived.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex AppLink();
}

using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Records;
using AIWorkflows.Testing;
using AIWorkflows.Testing.Mail;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Issue 11: the app runs with known secrets (storage connection string and account key, SendGrid API key,
/// current and previous link-signing keys) through the journeys people take; no log line (any level the
/// framework allows, scopes and structured values included: a superset of what the console prints) and no
/// response (pages, JSON, CSV, problems, headers) holds a secret, and no log line holds a link token.
/// </summary>
[Collection(OnAzurite.Name)]
public partial class SecretsTests(AzuriteFixture azurite)
{
    private sealed class Recorder(HttpClient inner)
    {
        public List<string> Responses { get; } = [];

        public async Task<string> SendAsync(HttpRequestMessage request)
        {
            using var response = await inner.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            Responses.Add($"{request.Method} {request.RequestUri} -> {(int)response.StatusCode}\n{response.Headers}{response.Content.Headers}\n{body}");
            return body;
        }

        public Task<string> GetAsync(string path, string? devUser = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (devUser is not null) request.Headers.Add("X-Dev-User", devUser);
            return SendAsync(request);
        }

        public Task<string> PostAsync(string path, HttpContent content, string? devUser = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
            if (devUser is not null) request.Headers.Add("X-Dev-User", devUser);
            return SendAsync(request);
        }
    }

    [Fact]
    public async Task WithKnownSecrets_ThroughTheJourneys_NoLogAndNoResponseHoldsASecret_AndNoLogHoldsALinkToken()
    {
        await using var sendGrid = await SendGridListener.StartAsync();
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var previousKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var apiKey = "SG." + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)) + "." + Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        var logs = new CapturedLogs();
        await using var app = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?>
        {
            ["Tokens:SigningKey"] = signingKey,
            ["Tokens:PreviousKeys:0"] = previousKey,
            ["SendGrid:ApiKey"] = apiKey,
            ["SendGrid:FromEmail"] = "ai-approvals@cityofsacramento.example",
            ["SendGrid:BaseUrl"] = sendGrid.BaseUrl,
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Debug",
            ["Logging:LogLevel:AIWorkflows"] = "Trace",
        }, logs: logs);
        using var client = app.Http();
        var http = new Recorder(client);
        const string officer = RecordsClient.Officer + "; records_officer";

        // A request, every reviewer deciding by the emailed link (read first, as scanners and people do), approval.
        var created = JsonDocument.Parse(await http.PostAsync("/api/requests", JsonContent.Create(AppClient.HighRiskRequest()), AppClient.Staff)).RootElement;
        var id = created.GetProperty("id").GetString()!;
        var decided = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 5; round++)
        {
            var open = Links(sendGrid, "/tasks/").Where(decided.Add).ToList();
            if (open.Count == 0) break;
            foreach (var link in open)
            {
                await http.GetAsync(link);
                await http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approve", ["comments"] = "ok" }));
                await http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "reject", ["comments"] = "spent" }));
            }
        }
        foreach (var link in Links(sendGrid, "/respond/")) await http.GetAsync(link);
        await http.GetAsync($"/requests/{id}");
        var status = await http.GetAsync($"/api/requests/{id}");
        Assert.Contains("\"approved\"", status, StringComparison.Ordinal);

        // A link forged, one truncated, bad input, the register, an incident, the timer sweep a quarter on.
        await http.GetAsync(SecurityWorld.Forged(Links(sendGrid, "/tasks/").First()));
        await http.GetAsync(Links(sendGrid, "/tasks/").First()[..40]);
        await http.PostAsync("/api/requests", new StringContent("{\"toolName\":", Encoding.UTF8, "application/json"), AppClient.Staff);
        var toolId = JsonDocument.Parse(status).RootElement.GetProperty("toolId").GetString()!;
        await http.GetAsync("/inventory");
        await http.GetAsync($"/inventory/{toolId}");
        await http.GetAsync("/inventory.csv");
        await http.PostAsync("/api/incidents", JsonContent.Create(new { toolId, reporterEmail = "sam@cityofsacramento.example", severity = "low", description = "Odd draft" }));
        app.Clock.Advance(TimeSpan.FromDays(80));
        await http.PostAsync("/api/dev/sweep", new StringContent(""));
        foreach (var link in Links(sendGrid, "/reassess/")) await http.GetAsync(link);

        // Records: search, read, download, export, the access log; and a refusal.
        var records = JsonDocument.Parse(await http.GetAsync($"/api/records?toolId={toolId}", officer)).RootElement;
        foreach (var record in records.EnumerateArray().Select(r => r.GetProperty("id").GetString()!))
        {
            await http.GetAsync($"/records/{Uri.EscapeDataString(record)}", officer);
            await http.GetAsync($"/api/records/{Uri.EscapeDataString(record)}/content", officer);
        }
        await http.PostAsync("/api/records/export", JsonContent.Create(new { recordIds = records.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray(), reference = "PRA 1" }), officer);
        await http.GetAsync("/records/access-log", officer);
        await http.GetAsync("/api/records", "pat.lee@cityofsacramento.example; requester");
        await http.GetAsync("/api/policy");
        await http.GetAsync("/api/healthz");

        // SendGrid was really used with the key: the secret is in play, not unused.
        Assert.NotEmpty(sendGrid.Requests);
        Assert.All(sendGrid.Requests, r => Assert.Equal($"Bearer {apiKey}", r.Authorization));

        var accountKey = AccountKey().Match(azurite.ConnectionString).Groups[1].Value;
        var secrets = new[] { signingKey, previousKey, apiKey, accountKey, azurite.ConnectionString };
        var logLines = logs.Lines.Select(l => l.ToString()).ToList();
        Assert.True(logLines.Count > 100, $"only {logLines.Count} log lines: is logging captured?");
        foreach (var secret in secrets)
        {
            TokenRefusalTests.AssertNoPieceOf(secret, logLines, "log");
            TokenRefusalTests.AssertNoPieceOf(secret, http.Responses, "response");
        }
        foreach (var key in new[] { signingKey, previousKey, accountKey })
            TokenRefusalTests.AssertNoPieceOf(Convert.ToHexString(Convert.FromBase64String(key)), logLines.Select(l => l.ToUpperInvariant()), "log (as hex)");
        var tokens = AllLinks(sendGrid).Select(l => Uri.UnescapeDataString(l[(l.LastIndexOf('/') + 1)..])).Distinct().ToList();
        Assert.True(tokens.Count >= 5, $"only {tokens.Count} link tokens issued");
        foreach (var token in tokens) Assert.DoesNotContain(logLines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(token[^43..], StringComparison.Ordinal));
        // A page shows no link but its own: the request's pages never carry the reviewers' links.
        foreach (var response in http.Responses)
            foreach (var token in tokens.Where(t => !response.Contains(Uri.EscapeDataString(t) + " ->", StringComparison.Ordinal) && !response.Contains(t + " ->", StringComparison.Ordinal)))
                Assert.False(response.Contains(token, StringComparison.Ordinal), $"a response holds another link's token: {response[..Math.Min(200, response.Length)]}");
    }

    private static IEnumerable<string> AllLinks(SendGridListener sendGrid) =>
        sendGrid.Requests.SelectMany(r => LinkPattern().Matches(r.Body.GetRawText()).Select(m => new Uri(Regex.Unescape(m.Value)).AbsolutePath))
            .Where(p => p.Count(c => c == '/') >= 2 && p.Length > 60).Distinct();

    private static List<string> Links(SendGridListener sendGrid, string part) =>
        [.. sendGrid.Requests.SelectMany(r => LinkPattern().Matches(r.Body.GetRawText()).Select(m => new Uri(Regex.Unescape(m.Value)).AbsolutePath))
            .Where(p => p.StartsWith(part, StringComparison.Ordinal)).Distinct()];

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/[A-Za-z0-9_\-/%\.]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("AccountKey=([^;]+)")]
    private static partial Regex AccountKey();
}

using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tokens;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Issue 11: genuine task links that may no longer act (expired, spent, someone else's) are refused
/// with a page that says why in plain words; links that are not ours all meet one and the same page,
/// so a guesser learns nothing about which requests exist; every refusal is logged, never the token.
/// </summary>
[Collection(OnAzurite.Name)]
public class TokenRefusalTests(AzuriteFixture azurite)
{
    private const string Director = "director.utilities@cityofsacramento.example";

    private static Dictionary<string, string?> Logging => new()
    {
        // Everything an operator chasing a problem might turn on, the framework's own logs included.
        ["Logging:LogLevel:Default"] = "Debug",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        ["Logging:LogLevel:AIWorkflows"] = "Trace",
    };

    [Fact]
    public async Task ExpiredTaskLink_IsRefusedWithAPageSayingItExpired_AndNothingIsDecided()
    {
        var logs = new CapturedLogs();
        await using var app = new AIWorkflowsApp(azurite, settings: Logging, logs: logs);
        using var http = app.Http();
        var (id, link) = await DirectorLinkAsync(http);

        app.Clock.Advance(TimeSpan.FromDays(60)); // the link's lifetime, to the second
        var page = await http.GetPageAsync(link);
        var post = await http.PostPageAsync(link, ("decision", "approve"), ("comments", "late"));
        using var api = await http.PostAsJsonAsync($"/api{link}/decision", new { decision = "approve" });

        foreach (var p in new[] { page, post })
        {
            Assert.Equal((HttpStatusCode.Gone, "text/html"), (p.Status, p.MediaType));
            Assert.Equal("This link has expired", p.Heading);
            Assert.Contains("stop working after 60 days", p.Text, StringComparison.Ordinal);
            Assert.Contains("Ask the AI officer to send a new one", p.Text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal("in_review", (string)(await http.GetRequestAsync(id))["status"]!);
        Assert.DoesNotContain((await http.GetRequestAsync(id, AppClient.Officer))["reviews"]!.AsArray(), r => r!["decision"] is not null);
        AssertRefusalsLoggedWithoutToken(logs, link, "Expired", minimum: 3);
    }

    [Fact]
    public async Task SpentTaskLink_SaysTheDecisionWasAlreadyRecorded_AndTheFirstDecisionStands()
    {
        var logs = new CapturedLogs();
        await using var app = new AIWorkflowsApp(azurite, settings: Logging, logs: logs);
        using var http = app.Http();
        var (id, link) = await DirectorLinkAsync(http);
        var first = await http.PostPageAsync(link, ("decision", "approve"), ("comments", "Fits our plan"));
        Assert.Equal(HttpStatusCode.OK, first.Status);

        var page = await http.GetPageAsync(link);
        var again = await http.PostPageAsync(link, ("decision", "reject"), ("comments", "changed my mind"));
        using var api = await http.PostAsJsonAsync($"/api{link}/decision", new { decision = "reject", comments = "changed my mind" });

        Assert.Equal("This decision was already recorded", page.Heading);
        Assert.Equal("Your decision was not recorded", again.Heading);
        foreach (var p in new[] { page, again })
        {
            Assert.Equal((HttpStatusCode.Gone, "text/html"), (p.Status, p.MediaType));
            Assert.Contains($"already recorded on {AIWorkflowsApp.Start:yyyy-MM-dd}; this link is spent", p.Text, StringComparison.Ordinal);
            Assert.Contains($"href=\"/requests/{id}\"", p.Html, StringComparison.Ordinal); // where to see the decision
        }
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        Assert.Contains("already recorded", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var director = (await http.GetRequestAsync(id, AppClient.Officer))["reviews"]!.AsArray().Single(r => (string)r!["reviewer"]! == Director)!;
        Assert.Equal("approve", (string)director["decision"]!);
        AssertRefusalsLoggedWithoutToken(logs, link, "Link refused by the request's state: 410", minimum: 3);
    }

    [Fact]
    public async Task TheSameDecisionPostedAgain_IsAnsweredAsRecorded_AndRecordedOnce()
    {
        // A double click, or a retry after a commit that landed but whose answer was lost: the reviewer's
        // decision is in the record, so telling them it "was not recorded" would be false.
        await using var app = new AIWorkflowsApp(azurite, settings: Logging);
        using var http = app.Http();
        var (id, link) = await DirectorLinkAsync(http);
        var first = await http.PostPageAsync(link, ("decision", "approve_with_conditions"), ("comments", "Only after training"));
        var again = await http.PostPageAsync(link, ("decision", "approve_with_conditions"), ("comments", "  Only after training "));
        using var api = await http.PostAsJsonAsync($"/api{link}/decision", new { decision = "approve_with_conditions", comments = "Only after training" });

        foreach (var p in new[] { first, again })
        {
            Assert.Equal(HttpStatusCode.OK, p.Status);
            Assert.Contains("Your decision (approve with conditions) is recorded", p.Text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var request = await http.GetRequestAsync(id, AppClient.Officer);
        Assert.Single(request["timeline"]!.AsArray(), e => (string)e!["type"]! == "review_recorded");
        var director = request["reviews"]!.AsArray().Single(r => (string)r!["reviewer"]! == Director)!;
        Assert.Equal("approve_with_conditions", (string)director["decision"]!);
    }

    [Fact]
    public async Task TaskLinkNamingAnotherReviewer_IsRefusedWithAPageSayingSo_AndDecidesNothing()
    {
        var logs = new CapturedLogs();
        await using var app = new AIWorkflowsApp(azurite, settings: Logging, logs: logs);
        using var http = app.Http();
        var (id, link) = await DirectorLinkAsync(http);
        // A genuine link (our key, a live task) for the director's task, naming someone else: what a link
        // forwarded to a colleague would be if the task moved on to another reviewer.
        var genuine = Token(link);
        var payload = ((TokenVerification.Valid)app.Services.GetRequiredService<TaskTokenService>().Verify(genuine, TokenPurposes.Task)).Payload;
        var other = "/tasks/" + app.Services.GetRequiredService<TaskTokenService>().Issue(payload with { Subject = "someone.else@cityofsacramento.example" });

        var page = await http.GetPageAsync(other);
        var post = await http.PostPageAsync(other, ("decision", "reject"), ("comments", "not mine"));
        using var api = await http.PostAsJsonAsync($"/api{other}/decision", new { decision = "reject", comments = "not mine" });

        foreach (var p in new[] { page, post })
        {
            Assert.Equal((HttpStatusCode.Forbidden, "text/html"), (p.Status, p.MediaType));
            Assert.Equal("This link is for another reviewer", p.Heading);
            Assert.Contains("Use the link in the email sent to you", p.Text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.DoesNotContain((await http.GetRequestAsync(id, AppClient.Officer))["reviews"]!.AsArray(), r => r!["decision"] is not null);
        // The real reviewer's link still works.
        Assert.Equal(HttpStatusCode.OK, (await http.PostPageAsync(link, ("decision", "approve"), ("comments", "ok"))).Status);
        AssertRefusalsLoggedWithoutToken(logs, other, "This link is for another reviewer", minimum: 3);
    }

    [Fact]
    public async Task LinksThatAreNotOurs_AllMeetTheSameNotValidPage_WhetherOrNotTheRequestExists()
    {
        var logs = new CapturedLogs();
        await using var app = new AIWorkflowsApp(azurite, settings: Logging, logs: logs);
        using var http = app.Http();
        var (_, link) = await DirectorLinkAsync(http);
        var payload = ((TokenVerification.Valid)app.Services.GetRequiredService<TaskTokenService>().Verify(Token(link), TokenPurposes.Task)).Payload;
        var otherKey = new TaskTokenService(Options.Create(new TaskTokenOptions { SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) }), app.Clock);
        var ours = app.Services.GetRequiredService<TaskTokenService>();
        var flipped = Token(link).ToCharArray();
        flipped[20] = flipped[20] == 'A' ? 'B' : 'A';

        string[] links =
        [
            "/tasks/" + otherKey.Issue(payload),                                                   // the real request, someone else's key
            "/tasks/" + new string(flipped),                                                       // the real link, one character changed
            "/tasks/" + ours.Issue(payload with { InstanceId = "req-00000000000000000000000000000000" }), // our key, no such request
            "/tasks/" + ours.Issue(payload with { Purpose = TokenPurposes.Union }),               // our key, another kind of link
            "/tasks/not-a-token",
        ];
        var pages = new List<SecurityClient.Page>();
        foreach (var l in links) pages.Add(await http.GetPageAsync(l));

        Assert.All(pages, p => Assert.Equal((HttpStatusCode.NotFound, "This link is not valid"), (p.Status, p.Heading)));
        Assert.Single(pages.Select(p => p.Html).Distinct()); // nothing on the page tells these apart
        Assert.DoesNotContain(pages, p => p.Html.Contains(payload.InstanceId, StringComparison.Ordinal));
        foreach (var l in links) AssertRefusalsLoggedWithoutToken(logs, l, "Link refused", minimum: 1);
    }

    private static async Task<(string Id, string Link)> DirectorLinkAsync(HttpClient http)
    {
        var id = (string)(await http.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;
        return (id, (await http.SingleMailAsync(Director, "Decision needed")).LinkPath("/tasks/"));
    }

    private static string Token(string link) => Uri.UnescapeDataString(link["/tasks/".Length..]);

    /// <summary>The refusal is in the log (at Warning or above), and no line at any level holds the token or a long piece of it.</summary>
    internal static void AssertRefusalsLoggedWithoutToken(CapturedLogs logs, string link, string reason, int minimum)
    {
        var lines = logs.Lines;
        Assert.True(lines.Count(l => l.Level >= LogLevel.Warning && l.Text.Contains(reason, StringComparison.Ordinal)) >= minimum,
            $"fewer than {minimum} refusals logged with '{reason}':\n{string.Join('\n', lines.Where(l => l.Level >= LogLevel.Warning))}");
        var token = link.Contains("/tasks/", StringComparison.Ordinal) ? Token(link) : link;
        AssertNoPieceOf(token, lines.Select(l => l.ToString()), "log");
    }

    /// <summary>Neither the secret nor any 24-character piece of it appears in <paramref name="texts"/>.</summary>
    internal static void AssertNoPieceOf(string secret, IEnumerable<string> texts, string where)
    {
        var pieces = secret.Length <= 24 ? [secret] : Enumerable.Range(0, secret.Length - 23).Select(i => secret.Substring(i, 24)).ToHashSet(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var leak = pieces.FirstOrDefault(p => text.Contains(p, StringComparison.Ordinal));
            Assert.True(leak is null, $"the {where} holds a piece of a secret ('{leak}'): {text}");
        }
    }
}

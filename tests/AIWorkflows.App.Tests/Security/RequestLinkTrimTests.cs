using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Issue 19.2: a status link is a capability that gets forwarded. Whoever holds it from outside the request sees
/// where it stands (status, tier, reasons, history) but not who sent it or what reviewers wrote; the requester, and
/// staff in a reviewing role, signed in, see everything. On the page and in the API, in Development and Production.
/// </summary>
[Collection(OnAzurite.Name)]
public class RequestLinkTrimTests(AzuriteFixture azurite)
{
    private const string Finding = "The budget line for the licence is missing: add it before we go on.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnOutsidersView_LeavesOutTheRequesterAndTheReviewersWords_TheRequestersViewKeepsThem(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        using var requester = mode.As(AppClient.Staff);
        var id = (string)(await requester.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;
        var task = Assert.Single(await mode.MailAsync(), m => m.Subject.Contains("Decision needed", StringComparison.Ordinal));
        var token = new Uri(Assert.Single(task.Links, l => l.Contains("/tasks/", StringComparison.Ordinal))).AbsolutePath["/tasks/".Length..];
        using var anonymous = mode.As(null);
        using (var decided = await anonymous.PostAsJsonAsync($"/api/tasks/{token}/decision", new { decision = "request_remediation", comments = Finding }))
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var (json, html) = await ReadAsync(anonymous, id);
        var outside = JsonNode.Parse(json)!;
        Assert.True((bool)outside["trimmed"]!);
        Assert.Equal("", (string)outside["request"]!["requesterEmail"]!);
        Assert.Null(Assert.Single(outside["findings"]!.AsArray())!["comments"]);
        Assert.All(outside["reviews"]!.AsArray(), r => Assert.Null(r!["comments"]));
        foreach (var text in new[] { json, html })
        {
            Assert.DoesNotContain(AppClient.Staff, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(task.To, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("budget line for the licence", text, StringComparison.Ordinal);
        }
        // What it is for stays: where the request stands, and a way in for those who may see more.
        Assert.Equal((string)outside["status"]!, (string)JsonNode.Parse((await ReadAsync(requester, id)).Json)!["status"]!);
        Assert.Contains("Sign in with your city account", html, StringComparison.Ordinal);
        Assert.Contains("Submitted; rated high risk.", json, StringComparison.Ordinal);

        var (insiderJson, insiderHtml) = await ReadAsync(requester, id);
        var inside = JsonNode.Parse(insiderJson)!;
        Assert.False((bool)inside["trimmed"]!);
        Assert.Equal(AppClient.Staff, (string)inside["request"]!["requesterEmail"]!);
        Assert.Equal(Finding, (string)Assert.Single(inside["findings"]!.AsArray())!["comments"]!);
        Assert.Contains("budget line for the licence", insiderHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in with your city account", insiderHtml, StringComparison.Ordinal);
    }

    private static async Task<(string Json, string Html)> ReadAsync(HttpClient http, string id)
    {
        async Task<string> GetAsync(string path)
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        return (await GetAsync($"/api/requests/{id}"), await GetAsync($"/requests/{id}"));
    }
}

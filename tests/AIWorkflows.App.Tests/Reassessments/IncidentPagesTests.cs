using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Reassessments;

/// <summary>The incident and re-assessment pages as functions: what no middleware does for them any more, each function must (antiforgery, link headers).</summary>
[Collection(OnAzurite.Name)]
public class IncidentPagesTests(AzuriteFixture azurite)
{
    private const string ToolId = "tool-permits";

    [Fact]
    public async Task IncidentForm_WithoutItsAntiforgeryToken_IsA400Page_AndNothingIsReported()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile(ToolId));

        using var forged = await http.PostFormAsync("/incidents/new",
            ("toolId", ToolId), ("reporterEmail", "resident@example.org"), ("severity", "critical"), ("description", "It told me my permit was approved."));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("text/html", forged.Content.Headers.ContentType?.MediaType);
        Assert.Contains("This form could not be accepted", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("approved", (string)JsonNode.Parse(await http.GetStringAsync($"/api/inventory/{ToolId}"))!["status"]!);
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Incident", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkPages_KeepTheirTokenFromOtherSites_AndTheTriageFormPostsBackToTheLinkWithItsAntiforgeryToken()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using (var reported = await http.PostAsJsonAsync("/api/incidents", new
        {
            toolId = ToolId, reporterEmail = "resident@example.org", severity = "low", description = "An odd answer.",
        }))
            Assert.Equal(HttpStatusCode.Accepted, reported.StatusCode);
        var triage = (await http.SingleMailAsync(RegisterFixtures.Officer, "Incident report to triage")).LinkPath("/triage/");

        foreach (var path in new[] { triage, "/triage/forged", "/reassess/forged" })
        {
            using var page = await http.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            // The triage page's antiforgery field makes it "no-cache, no-store": either way, never stored.
            Assert.True(page.Headers.CacheControl?.NoStore, path);
            Assert.Equal("no-referrer", string.Join(",", page.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("noindex, nofollow", string.Join(",", page.Headers.GetValues("X-Robots-Tag")));
            Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\">", html, StringComparison.Ordinal);
        }
        using var form = await http.GetAsync(triage);
        var text = await form.Content.ReadAsStringAsync();
        Assert.Contains($"<form method=\"post\" action=\"{triage}\" id=\"form-start\"", text, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", text, StringComparison.Ordinal);
        using var forgedLink = await http.GetAsync("/reassess/forged");
        Assert.Equal(HttpStatusCode.NotFound, forgedLink.StatusCode);
    }
}

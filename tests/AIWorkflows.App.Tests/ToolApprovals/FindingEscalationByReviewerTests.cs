using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Mail;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>
/// Albuquerque 4.2 (issue 17 §3): the reviewer who asked for remediation escalates their unresolved finding to the
/// authority the pack names (the CIO) with a reason, through the API or the page their spent task link still opens.
/// Only that reviewer, only while the finding is open, and once.
/// </summary>
[Collection(OnAzurite.Name)]
public class FindingEscalationByReviewerTests(AzuriteFixture azurite)
{
    private const string Cio = "cio@cabq.example";
    private const string Finding = "Say where the case notes are stored";
    private const string Reason = "The vendor has not answered our storage question in three weeks.";

    private static async Task<(string Id, string Link)> InRemediationAsync(HttpClient http)
    {
        http.DefaultRequestHeaders.Add("X-Dev-User", "ana@cabq.example");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(AppClient.HighRiskRequest("ana@cabq.example"), AppClient.Json)!.AsObject();
        body["answers"] = new JsonObject { ["new_sensitive_data"] = "false", ["tested_before_acquisition"] = "true" };
        var id = (string)(await http.SubmitAsync(body))["id"]!;
        var link = Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).LinkPath("/tasks/");
        using (var sentBack = await http.PostFormAsync(link, ("decision", "request_remediation"), ("comments", Finding)))
            Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        return (id, link);
    }

    private static async Task<HttpResponseMessage> EscalateAsync(HttpClient http, string link, string reason) =>
        await http.PostAsJsonAsync($"/api{link}/escalation", new { reason });

    private static async Task<List<MailMessage>> EscalationMailsAsync(HttpClient http) =>
        [.. (await http.MailAsync()).Where(m => m.Subject.Contains("Unresolved finding escalated", StringComparison.Ordinal))];

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task TheReviewer_EscalatesTheirFinding_ThroughTheApi_TheCioIsMailed_AndTheRequestShowsIt()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        var (id, link) = await InRemediationAsync(http);

        using var escalated = await EscalateAsync(http, link, Reason);

        Assert.Equal(HttpStatusCode.OK, escalated.StatusCode);
        var answer = JsonNode.Parse(await escalated.Content.ReadAsStringAsync())!;
        Assert.Equal((id, "remediation"), ((string)answer["requestId"]!, (string)answer["status"]!));
        var mail = Assert.Single(await EscalationMailsAsync(http));
        Assert.Equal(Cio, mail.To);
        Assert.Contains(Finding, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(Reason, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("the reviewer escalated it to you", mail.TextBody, StringComparison.Ordinal);
        var request = await http.GetRequestAsync(id, AppClient.Officer);
        Assert.Equal("remediation", (string)request["status"]!);
        var entry = Assert.Single(request["timeline"]!.AsArray(), e => (string)e!["type"]! == "finding_escalated");
        Assert.Contains("by the reviewer", (string)entry!["summary"]!, StringComparison.Ordinal);

        // The finding is escalated once: the policy's period passing later sends no second mail.
        app.Clock.Advance(TimeSpan.FromDays(21));
        await http.SweepAsync();
        Assert.Single(await EscalationMailsAsync(http));
    }

    [Fact]
    public async Task ABlankReason_IsAValidationProblem_AndNothingIsEscalated()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        var (id, link) = await InRemediationAsync(http);

        using var blank = await EscalateAsync(http, link, "  ");

        await AssertProblemAsync(blank, HttpStatusCode.BadRequest);
        Assert.NotNull(JsonNode.Parse(await blank.Content.ReadAsStringAsync())!["errors"]!["reason"]);
        Assert.Empty(await EscalationMailsAsync(http));
        Assert.DoesNotContain((await http.GetRequestAsync(id))["timeline"]!.AsArray(), e => (string)e!["type"]! == "finding_escalated");
    }

    [Fact]
    public async Task AnotherReviewersLink_AndASecondEscalation_AreRefusedWithAProblem_AndTheCioIsMailedOnce()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", "ana@cabq.example");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(AppClient.HighRiskRequest("ana@cabq.example"), AppClient.Json)!.AsObject();
        body["answers"] = new JsonObject { ["new_sensitive_data"] = "false", ["tested_before_acquisition"] = "true" };
        await http.SubmitAsync(body);
        var director = Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).LinkPath("/tasks/");
        using (var approved = await http.PostFormAsync(director, ("decision", "approve"), ("comments", "Fits our plan")))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var stage2 = (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).ToList();
        var aio = Assert.Single(stage2, m => m.To == "ai@cabq.example").LinkPath("/tasks/");
        var iso = Assert.Single(stage2, m => m.To == "ciso@cabq.example").LinkPath("/tasks/");
        using (var sentBack = await http.PostFormAsync(aio, ("decision", "request_remediation"), ("comments", Finding)))
            Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);

        using (var byIso = await EscalateAsync(http, iso, Reason)) await AssertProblemAsync(byIso, HttpStatusCode.Conflict);
        using (var byDirector = await EscalateAsync(http, director, Reason)) await AssertProblemAsync(byDirector, HttpStatusCode.Conflict);
        Assert.Empty(await EscalationMailsAsync(http));

        using (var first = await EscalateAsync(http, aio, Reason)) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var second = await EscalateAsync(http, aio, Reason);

        await AssertProblemAsync(second, HttpStatusCode.Conflict);
        Assert.Contains("already escalated", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await EscalationMailsAsync(http));
    }

    [Fact]
    public async Task TheSpentLinksPage_OffersTheEscalation_AndAPostThroughThePageEscalates()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        var (_, link) = await InRemediationAsync(http);

        var page = await http.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Escalate this unresolved finding to the Chief Information Officer, DTI", page.Text, StringComparison.Ordinal);
        Assert.Contains($"action=\"{link}?handler=Escalate\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("<label class=\"label\" for=\"reason\">", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("__RequestVerificationToken", page.Html, StringComparison.Ordinal);
        Assert.Empty(await EscalationMailsAsync(http)); // reading the page changes nothing

        var blank = await http.PostPageAsync($"{link}?handler=Escalate", ("reason", ""));
        Assert.Equal(HttpStatusCode.BadRequest, blank.Status);
        Assert.Contains("There is a problem", blank.Text, StringComparison.Ordinal);
        Assert.Contains("id=\"reason-error\"", blank.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#reason\"", blank.Html, StringComparison.Ordinal);

        var done = await http.PostPageAsync($"{link}?handler=Escalate", ("reason", Reason));
        Assert.Equal((HttpStatusCode.OK, "Finding escalated"), (done.Status, done.Heading));
        Assert.Contains("Chief Information Officer, DTI", done.Text, StringComparison.Ordinal);
        Assert.Equal(Cio, Assert.Single(await EscalationMailsAsync(http)).To);

        // Escalated: nothing more to do with the link.
        var after = await http.GetPageAsync(link);
        Assert.Equal((HttpStatusCode.Gone, "This decision was already recorded"), (after.Status, after.Heading));
    }

    [Fact]
    public async Task APackWithoutAnEscalationAuthority_OffersNoForm_AndRefusesTheEscalation()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await http.SubmitAsync(AppClient.HighRiskRequest());
        var link = Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).LinkPath("/tasks/");
        using (var sentBack = await http.PostFormAsync(link, ("decision", "request_remediation"), ("comments", Finding)))
            Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);

        var page = await http.GetPageAsync(link);
        using var escalated = await EscalateAsync(http, link, Reason);

        Assert.Equal(HttpStatusCode.Gone, page.Status);
        Assert.DoesNotContain("handler=Escalate", page.Html, StringComparison.Ordinal);
        await AssertProblemAsync(escalated, HttpStatusCode.Conflict);
        Assert.Empty(await EscalationMailsAsync(http));
    }
}

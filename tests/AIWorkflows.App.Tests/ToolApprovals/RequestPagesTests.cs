using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>The request pages as functions: what no middleware does for them any more, each function must (antiforgery, link headers, HEAD).</summary>
[Collection(OnAzurite.Name)]
public class RequestPagesTests(AzuriteFixture azurite)
{
    private static (string, string)[] Fields =>
    [
        ("toolName", "CaseNotes Assistant"), ("vendor", "Acme AI"), ("department", "Utilities"), ("requesterEmail", AppClient.Staff),
        ("purpose", "Summarize case notes for every supervisor."), ("humanOversight", "A supervisor reads every summary."),
        ("dataCategories", "pii"), ("publicFacing", "false"), ("generativeAi", "true"), ("affectsWorkingConditions", "false"),
        ("impersonation", "false"), ("lawEnforcement", "false"), ("decisionImpact", "assistive"), ("stage", "production"),
        ("formKey", "0123456789abcdef0123456789abcdef"),
        .. AppClient.SacramentoAnswers().Select(a => ($"answers.{a.Key}", a.Value)),
    ];

    [Fact]
    public async Task NewRequestForm_WithoutItsAntiforgeryToken_IsA400Page_AndNothingIsSent_WhileWithItTheSameFormIsSent()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", AppClient.Staff);

        using (var forged = await http.PostFormAsync("/requests/new", Fields))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Equal("text/html", forged.Content.Headers.ContentType?.MediaType);
            Assert.Contains("This form could not be accepted", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(await http.MailAsync());

        using var sent = await http.SubmitFormAsync("/requests/new", "/requests/new", Fields);
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.StartsWith("/requests/req-", sent.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Contains(await http.MailAsync(), m => m.Subject.Contains("Decision needed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkPages_KeepTheirTokenFromOtherSites_AnswerHeadWithoutActing_AndPostBackToTheirOwnLink()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var id = (string)(await http.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;
        var task = Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).LinkPath("/tasks/");
        var before = (await http.GetRequestAsync(id)).ToJsonString();

        foreach (var path in new[] { task, "/tasks/forged", "/respond/forged" })
        {
            using var page = await http.GetAsync(path);
            await AssertKeptFromOtherSitesAsync(page, path);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(page.StatusCode, head.StatusCode);
            Assert.Equal("no-store", head.Headers.CacheControl?.ToString());
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(before, (await http.GetRequestAsync(id)).ToJsonString());
        using (var review = await http.GetAsync(task))
            Assert.Contains($"<form method=\"post\" action=\"{task}\" id=\"form-start\"", await review.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var sentBack = await http.PostFormAsync(task, ("decision", "request_remediation"), ("comments", "Say how long summaries are kept")))
        {
            Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
            await AssertKeptFromOtherSitesAsync(sentBack, task);
        }
        var respond = (await http.SingleMailAsync(AppClient.Staff, "Changes requested")).LinkPath("/respond/");
        using (var page = await http.GetAsync(respond))
        {
            var html = await AssertKeptFromOtherSitesAsync(page, respond);
            Assert.Contains($"<form method=\"post\" action=\"{respond}\" id=\"form-start\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        }
        using (var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, respond)))
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("remediation", (string)(await http.GetRequestAsync(id))["status"]!);
    }

    private static async Task<string> AssertKeptFromOtherSitesAsync(HttpResponseMessage page, string path)
    {
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", string.Join(",", page.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("noindex, nofollow", string.Join(",", page.Headers.GetValues("X-Robots-Tag")));
        Assert.True(html.Contains("<meta name=\"referrer\" content=\"no-referrer\">", StringComparison.Ordinal), path);
        return html;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.Testing;
using static AIWorkflows.Testing.UnionNotices.UnionClient;

namespace AIWorkflows.App.Tests.UnionNotices;

/// <summary>The union pages as functions: what no middleware does for them any more, each function must (antiforgery, link headers, HEAD).</summary>
[Collection(OnAzurite.Name)]
public class UnionPagesTests(AzuriteFixture azurite)
{
    private const string ToolId = "tool-permits";
    private const string OtherToolId = "tool-minutes";

    [Fact]
    public async Task FormsWithoutTheirAntiforgeryToken_AreA400Page_AndNothingIsRequestedNoticedLoggedOrConcluded()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile(ToolId));
        await app.RegisterAsync(RegisterFixtures.Profile(OtherToolId, name: "Minutes Drafter"));
        var (noticeId, _) = await OpenCaseAsync(http);
        using var labor = app.Http();
        labor.DefaultRequestHeaders.Add("X-Dev-User", LaborUser);
        var mails = (await http.MailAsync()).Count;

        Func<Task<HttpResponseMessage>>[] forgeries =
        [
            () => http.PostFormAsync("/union-requests/new", ("toolId", ToolId), ("organizationId", "iuoe_local_39"), ("email", "steward@local39.example"), ("impact", "Rounds are scheduled by it.")),
            () => labor.PostFormAsync("/union-cases?handler=Classify", ("toolId", OtherToolId), ("impact", "yes"), ("organizationIds", "iuoe_local_39")),
            () => labor.PostFormAsync($"/union-cases/{noticeId}?handler=Conclude", ("conclusionOrganization", "scxea"), ("outcome", "agreement"), ("summary", "Agreed.")),
            async () =>
            {
                using var meeting = new MultipartFormDataContent
                {
                    { new StringContent("scxea"), "meetingOrganization" }, { new StringContent("2026-11-20"), "date" }, { new StringContent("Steward"), "attendees" },
                    { new ByteArrayContent(MinutesPdf("Forged")), "minutes", "minutes.pdf" },
                };
                return await labor.PostAsync(new Uri($"/union-cases/{noticeId}?handler=Meeting", UriKind.Relative), meeting);
            },
        ];
        foreach (var send in forgeries)
        {
            using var response = await send();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("This form could not be accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(mails, (await http.MailAsync()).Count);
        using var view = await http.GetAsUserAsync($"/api/union-notices/{noticeId}", LaborUser);
        var organizations = (await view.Content.ReadFromJsonAsync<JsonObject>())!["organizations"]!.AsArray();
        var scxea = Assert.Single(organizations)!;
        Assert.Equal("meet_and_confer", (string)scxea["status"]!);
        Assert.Equal(0, (int)scxea["case"]!["meetingCount"]!);
    }

    [Fact]
    public async Task TheUnionLink_KeepsItsTokenFromOtherSites_PostsBackToItself_AndAHeadChangesNothing()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile(ToolId));
        var (noticeId, link) = await OpenNoticeAsync(http);

        foreach (var (method, path) in new[] { (HttpMethod.Get, link), (HttpMethod.Head, link), (HttpMethod.Get, "/union/forged"), (HttpMethod.Head, "/union/forged"), (HttpMethod.Post, "/union/forged") })
        {
            using var request = new HttpRequestMessage(method, path);
            if (method == HttpMethod.Post) request.Content = new FormUrlEncodedContent([new("answer", "waive"), new("name", "Sam Steward")]);
            using var page = await http.SendAsync(request);
            var what = $"{method} {path}";
            Assert.Equal(path == link ? HttpStatusCode.OK : HttpStatusCode.NotFound, page.StatusCode);
            Assert.True(page.Headers.CacheControl?.NoStore, what);
            Assert.Equal("no-referrer", string.Join(",", page.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("noindex, nofollow", string.Join(",", page.Headers.GetValues("X-Robots-Tag")));
            Assert.Null(SecurityHeadersTests.Missing(page));
            var html = await page.Content.ReadAsStringAsync();
            if (method == HttpMethod.Head) Assert.Empty(html);
            else Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\">", html, StringComparison.Ordinal);
        }
        // A mail scanner's HEAD (and GET) answered nothing for the organization.
        using (var view = await http.GetAsUserAsync($"/api/union-notices/{noticeId}", LaborUser))
            Assert.Equal("noticed", (string)(await view.Content.ReadFromJsonAsync<JsonObject>())!["organizations"]![0]!["status"]!);

        var form = await http.GetStringAsync(link);
        Assert.Contains($"<form method=\"post\" action=\"{link}\" id=\"form-start\"", form, StringComparison.Ordinal);
        // The signed token in the address is the capability: no antiforgery token, and the answer needs none.
        Assert.DoesNotContain("__RequestVerificationToken", form, StringComparison.Ordinal);
        using var answered = await http.AnswerAsync(link, "waive");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.True(answered.Headers.CacheControl?.NoStore);
        Assert.Contains("Answer recorded", await answered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Labor relations notices SCXEA of the registered tool; the notice's id and SCXEA's emailed link.</summary>
    private static async Task<(string NoticeId, string Link)> OpenNoticeAsync(HttpClient http)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/union-notices") { Content = JsonContent.Create(new { toolId = ToolId, organizationIds = new[] { "scxea" } }) };
        request.Headers.Add("X-Dev-User", LaborUser);
        using var opened = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var noticeId = (string)(await opened.Content.ReadFromJsonAsync<JsonObject>())!["noticeId"]!;
        return (noticeId, (await http.SingleMailAsync(Scxea, "Notice of new AI technology")).LinkPath("/union/"));
    }

    /// <summary>A notice whose organization asked to meet and confer: an open case, with no meeting yet.</summary>
    private static async Task<(string NoticeId, string Link)> OpenCaseAsync(HttpClient http)
    {
        var (noticeId, link) = await OpenNoticeAsync(http);
        using var requested = await http.AnswerAsync(link, "meet_and_confer");
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        return (noticeId, link);
    }
}

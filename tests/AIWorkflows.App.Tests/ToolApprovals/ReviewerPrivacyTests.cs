using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>
/// Issue 17 §4: a request's status link gets forwarded. Whoever holds it without being the requester or staff
/// in a reviewing role sees each reviewer's role, never their email, on the page and in the API.
/// </summary>
[Collection(OnAzurite.Name)]
public class ReviewerPrivacyTests(AzuriteFixture azurite)
{
    private const string AiOfficerTitle = "Artificial Intelligence Officer (AIO)";

    private static async Task<(string Id, IReadOnlyList<string> Reviewers)> DecidedOnceAsync(HttpClient http)
    {
        var id = (string)(await http.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;
        var director = Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Decision needed", StringComparison.Ordinal));
        using (var decided = await http.PostFormAsync(director.LinkPath("/tasks/"), ("decision", "approve"), ("comments", "Fits our plan")))
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var reviewers = (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).Select(m => m.To).Distinct().ToList();
        Assert.Equal(4, reviewers.Count); // the director, then the AIO, ISO and City Attorney
        return (id, reviewers);
    }

    private static async Task<(string Json, string Html)> ReadAsync(HttpClient http, string id, string? asUser)
    {
        async Task<string> GetAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (asUser is not null) request.Headers.Add("X-Dev-User", asUser);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        return (await GetAsync($"/api/requests/{id}"), await GetAsync($"/requests/{id}"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("someone.else@cityofsacramento.example")] // signed in, but neither the requester nor review staff
    public async Task ALinkHolderOutsideTheReview_SeesReviewersRoles_NeverTheirEmails(string? asUser)
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (id, reviewers) = await DecidedOnceAsync(http);

        var (json, html) = await ReadAsync(http, id, asUser);

        foreach (var email in reviewers)
        {
            Assert.DoesNotContain(email, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(email, html, StringComparison.OrdinalIgnoreCase);
        }
        var request = await http.GetRequestAsync(id, asUser);
        var officer = Assert.Single(request["reviews"]!.AsArray(), r => (string)r!["role"]! == "ai_officer")!;
        Assert.Equal(AiOfficerTitle, (string)officer["reviewer"]!); // the field stays, holding the role's title
        Assert.Contains(request["timeline"]!.AsArray(), e => (string)e!["summary"]! == $"{AiOfficerTitle} review assigned to the {AiOfficerTitle}.");
        Assert.Contains($"assigned to the {AiOfficerTitle}", html, StringComparison.Ordinal);
        Assert.Contains("Department Director decided: approve.", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppClient.Staff)]    // the requester
    [InlineData(AppClient.Officer)]  // staff in a reviewing role
    [InlineData("clerk@cityofsacramento.example; records_officer")]
    public async Task TheRequesterAndReviewStaff_SeeReviewersEmails(string asUser)
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (id, reviewers) = await DecidedOnceAsync(http);

        var (json, html) = await ReadAsync(http, id, asUser);

        foreach (var email in reviewers)
        {
            Assert.Contains(email, json, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(email, html, StringComparison.OrdinalIgnoreCase);
        }
        var request = await http.GetRequestAsync(id, asUser);
        Assert.Equal(reviewers.Order(), request["reviews"]!.AsArray().Select(r => (string)r!["reviewer"]!).Order());
    }
}

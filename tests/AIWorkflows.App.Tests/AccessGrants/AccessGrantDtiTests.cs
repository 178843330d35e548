using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;
using static AIWorkflows.Testing.AccessGrants.AccessClient;

namespace AIWorkflows.App.Tests.AccessGrants;

/// <summary>
/// Albuquerque 4.1: access is granted by DTI, after the department head's consent. The Albuquerque pack
/// (one course, the "Ethical Use of AI" agreement, consent) adds DTI's grant as the last step, through a signed link.
/// </summary>
[Collection(OnAzurite.Name)]
public partial class AccessGrantDtiTests(AzuriteFixture azurite)
{
    private const string Staff = "ana.reyes@cabq.example";
    private const string Directors = "directors@cabq.example";
    private const string Dti = "ai@cabq.example";
    private const string DtiOfficer = "ai@cabq.example; ai_officer";
    private const string AbqAdmin = "lee.admin@cabq.example; admin";

    [Fact]
    public async Task Albuquerque_ConsentDoesNotGrant_DtiGrantsThroughItsLink_GetChangesNothing_PostNeedsAntiforgery()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        using var officer = app.As(DtiOfficer);
        var (toolId, grantPath) = await WaitingForDtiAsync(app, http);

        // Opening DTI's link changes nothing.
        for (var i = 0; i < 2; i++)
        {
            using var page = await http.GetAsync(grantPath);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"Grant {Staff} access to Minutes Drafter", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(["waiting for DTI to grant access"], Assert.Single(await officer.GrantsAsync($"toolId={toolId}&status=pending"))!["missing"].Strings());

        // A post without the form's antiforgery token is refused and records nothing.
        using (var forged = await http.PostFormAsync(grantPath, ("decision", "grant"), ("note", "")))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Single(await officer.GrantsAsync($"toolId={toolId}&status=pending"));
        Assert.Empty(await officer.GrantsAsync($"toolId={toolId}"));

        // With it, DTI grants: the grant index, IT's CSV, the record and the employee's mail follow.
        using (var granted = await PostWithAntiforgeryAsync(http, grantPath, ("decision", "grant"), ("note", "added to the Minutes Drafter group")))
        {
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
            Assert.Contains("Access granted", await granted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await http.SingleMailAsync(Staff, "Access granted: Minutes Drafter");
        var line = Assert.Single(await officer.GrantsAsync($"toolId={toolId}"))!;
        Assert.Equal(Staff, (string)line["employeeEmail"]!);
        Assert.Contains($"{toolId},Minutes Drafter,{Staff},Utilities,granted,", await officer.GetStringAsync($"/api/access-grants.csv?toolId={toolId}"), StringComparison.Ordinal);
        var record = Assert.Single(await app.Services.GetRequiredService<IRecordArchive>().ListAsync(toolId, "access_grant", default));
        Assert.NotNull(record);

        // The link is spent and shows who granted; the employee's page says access is granted.
        using (var again = await http.GetAsync(grantPath))
        {
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
            Assert.Contains($"granted ({Dti})", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Contains("You have access to Minutes Drafter.", await StatusPageAsync(http, toolId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Albuquerque_DtiRefusesWithAReason_TheRequestIsRefusedAndTheEmployeeToldWhy()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        using var officer = app.As(DtiOfficer);
        var (toolId, grantPath) = await WaitingForDtiAsync(app, http);

        using (var noReason = await PostWithAntiforgeryAsync(http, grantPath, ("decision", "refuse"), ("note", "")))
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using (var refused = await PostWithAntiforgeryAsync(http, grantPath, ("decision", "refuse"), ("note", "no seats left on the licence")))
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var mail = await http.SingleMailAsync(Staff, "Access refused: Minutes Drafter");
        Assert.Contains("refused by DTI: no seats left on the licence", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await officer.GrantsAsync($"toolId={toolId}"));
        Assert.Single(await officer.GrantsAsync($"toolId={toolId}&status=refused"));
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Access granted", StringComparison.Ordinal));
    }

    // Requests access, records the training, signs, consents: DTI's mail comes only after the consent, and
    // the employee's page says the request waits for DTI. Returns the tool and the path of DTI's link.
    private static async Task<(string ToolId, string GrantPath)> WaitingForDtiAsync(AIWorkflowsApp app, HttpClient http)
    {
        using var admin = app.As(AbqAdmin);
        var toolId = await RegisterToolAsync(app);
        var request = await http.RequestAccessAsync(toolId, Staff);
        Assert.Contains("waiting for DTI to grant access", request["missing"].Strings());
        using (var trained = await admin.PostAsJsonAsync("/api/training-completions", new { employeeEmail = Staff, courseId = "ai_fundamentals_ethics", completedOn = "2026-11-20" }))
            Assert.Equal(HttpStatusCode.OK, trained.StatusCode);
        var welcome = await http.SingleMailAsync(Staff, "Your request for Minutes Drafter");
        using (var signed = await http.PostFormAsync(welcome.LinkPath("/access/sign/"), ("agree", "yes"), ("sha256", (string)request["agreement"]!["sha256"]!)))
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.DoesNotContain(await http.MailAsync(), m => m.To == Dti);

        var ask = await http.SingleMailAsync(Directors, "Consent needed");
        using (var consent = await http.PostFormAsync(ask.LinkPath("/access/consent/"), ("decision", "consent"), ("comments", "")))
            Assert.Equal(HttpStatusCode.OK, consent.StatusCode);

        // Consent alone no longer grants: DTI is asked, the employee's page says so.
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Access granted", StringComparison.Ordinal));
        var dti = await http.SingleMailAsync(Dti, "Grant access");
        var status = await StatusPageAsync(http, toolId);
        Assert.Contains("Everything else is in place: waiting for DTI to grant access.", status, StringComparison.Ordinal);
        return (toolId, dti.LinkPath("/access/grant/"));
    }

    // The employee's page for the request: asking again shows where it stands.
    private static async Task<string> StatusPageAsync(HttpClient http, string toolId)
    {
        using var page = await PostWithAntiforgeryAsync(http, "/access/new", ("toolId", toolId), ("employeeEmail", Staff), ("department", "Utilities"));
        return WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
    }

    // GETs the page for its antiforgery cookie and field, then posts the form as a browser would.
    private static async Task<HttpResponseMessage> PostWithAntiforgeryAsync(HttpClient http, string path, params (string Key, string Value)[] fields)
    {
        using var page = await http.GetAsync(path);
        var token = TokenInput().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {path} ({(int)page.StatusCode}).");
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), KeyValuePair.Create("__RequestVerificationToken", WebUtility.HtmlDecode(token))]),
        };
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

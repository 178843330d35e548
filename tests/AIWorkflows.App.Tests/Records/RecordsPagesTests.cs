using System.Net;
using System.Text.RegularExpressions;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Records;

/// <summary>The records officer's pages, as a browser drives them: search, record, hold, review, dispose, access log.</summary>
[Collection(OnAzurite.Name)]
public partial class RecordsPagesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Officer_FindsARecord_SeesItsHash_HoldsIt_AndTheAccessLogPageListsTheVisits()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync(text: "Wrong case summarized");
        using var http = app.RecordsOfficer();

        var search = await http.GetStringAsync("/records?search=1&q=wrong");
        Assert.Contains($"/records/{record.RecordId}", search, StringComparison.Ordinal);
        var page = await http.GetStringAsync($"/records/{record.RecordId}");
        Assert.Contains(record.Renditions[0].Sha256, page, StringComparison.Ordinal);

        using var held = await PostFormAsync(http, $"/records/{record.RecordId}", $"/records/{record.RecordId}?handler=hold", ("reason", "Litigation: Doe v. City"));
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Contains("Litigation: Doe v. City", await held.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var empty = await PostFormAsync(http, $"/records/{record.RecordId}", $"/records/{record.RecordId}?handler=hold", ("reason", " "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("There is a problem", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var log = await http.GetStringAsync("/records/access-log");
        Assert.Contains("hold_placed", log, StringComparison.Ordinal);
        Assert.Contains("view", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportForm_SentWithNoRecordChosen_AsksForOne_NotAServerError()
    {
        await using var app = new AIWorkflowsApp(azurite);
        await app.KeepIncidentAsync();
        using var http = app.RecordsOfficer();

        // A browser sends "recordIds=" for an empty choice; model binding makes it a null element.
        using var none = await PostFormAsync(http, "/records", "/records?handler=Export", ("recordIds", ""), ("reference", "PRA 2026-200"));

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Choose at least one record to export.", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officer_DisposesOfADueRecordFromItsPage_AndTheCertificateIsLinked()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        using var http = app.RecordsOfficer();
        app.Clock.Advance(AIWorkflowsApp.Start.AddYears(5).AddDays(1) - AIWorkflowsApp.Start);
        await http.SweepAsync();
        Assert.Contains(record.RecordId, await http.GetStringAsync("/records/reviews"), StringComparison.Ordinal);

        using var disposed = await PostFormAsync(http, $"/records/{record.RecordId}", $"/records/{record.RecordId}?handler=disposition",
            ("decision", "dispose"), ("reason", "Retention period complete"));

        var html = await disposed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, disposed.StatusCode);
        Assert.Contains("tool-casenotes.certificate-incident-1", html, StringComparison.Ordinal);
        Assert.Contains("(destroyed)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherRoles_GetA403Page_AndTheRefusalIsLogged()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        using var http = app.As("pat.lee@cityofsacramento.example", "requester");
        http.DefaultRequestHeaders.Add("Accept", "text/html");

        using var page = await http.GetAsync($"/records/{record.RecordId}");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Records officers only", html, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Renditions[0].Sha256, html, StringComparison.Ordinal);
        Assert.Single(await app.AccessLogAsync(), e => (string)e!["outcome"]! == "denied" && (string)e["recordId"]! == record.RecordId);
    }

    [Fact]
    public async Task AHoldPosted_WithoutItsAntiforgeryToken_OrToAFormThePageHasNot_IsA400Page_AndNothingIsHeld()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        using var http = app.RecordsOfficer();

        using var forged = await http.PostAsync($"/records/{record.RecordId}?handler=hold", new FormUrlEncodedContent([new("reason", "Sent from another site")]));
        using var unknown = await PostFormAsync(http, $"/records/{record.RecordId}", $"/records/{record.RecordId}?handler=shred", ("reason", "No such form"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forged.StatusCode, unknown.StatusCode));
        Assert.Contains("This form could not be accepted", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The page has no such form", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await app.AccessLogAsync(), e => (string)e!["action"]! == "hold_placed");
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient http, string pagePath, string postPath, params (string Key, string Value)[] fields)
    {
        using var page = await http.GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenInput().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {pagePath} ({(int)page.StatusCode}): {html[Math.Max(0, html.IndexOf("<form", StringComparison.Ordinal))..][..Math.Min(600, html.Length - Math.Max(0, html.IndexOf("<form", StringComparison.Ordinal)))]}");
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var all = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token)));
        using var request = new HttpRequestMessage(HttpMethod.Post, postPath) { Content = new FormUrlEncodedContent(all) };
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

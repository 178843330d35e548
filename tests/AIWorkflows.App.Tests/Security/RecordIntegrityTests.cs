using System.Net;
using System.Net.Http.Json;
using System.Text;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Records;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Issue 11: content changed (or removed) behind the app's back is caught on every way out — a download
/// of either rendition, the export API, the export form — never served, and logged as an integrity failure.
/// </summary>
[Collection(OnAzurite.Name)]
public class RecordIntegrityTests(AzuriteFixture azurite)
{
    private const string Html = "<p>The assistant summarized the wrong case.</p>";

    [Fact]
    public async Task ARenditionRewrittenInStorage_IsRefusedByEveryDownloadAndExportPath_TheUntouchedOneIsStillServed()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await KeepAsync(app);
        var html = record.Renditions.Single(r => r.ContentType.StartsWith("text/html", StringComparison.Ordinal));
        await Blob(app, html.BlobName).UploadAsync(BinaryData.FromString("<p>Nothing happened.</p>"), overwrite: true);
        using var officer = app.RecordsOfficer();

        using (var json = await officer.GetAsync(RecordsClient.Path(record.RecordId, "/content")))
            Assert.Equal(HttpStatusCode.OK, json.StatusCode); // the JSON rendition was not touched
        using var download = await officer.GetAsync(RecordsClient.Path(record.RecordId, "/content?format=html"));
        using var export = await officer.PostAsJsonAsync("/api/records/export", new { recordIds = new[] { record.RecordId }, reference = "PRA 2026-200" });
        var page = await ExportFormAsync(app, record.RecordId);

        foreach (var api in new[] { download, export })
        {
            Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
            var text = await api.Content.ReadAsStringAsync();
            Assert.Contains("failed its integrity check", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Nothing happened", text, StringComparison.Ordinal);
        }
        Assert.Equal((HttpStatusCode.Conflict, "text/html"), (page.Status, page.MediaType));
        Assert.Contains("failed its integrity check", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing happened", page.Html, StringComparison.Ordinal);

        var failures = (await app.AccessLogAsync()).Where(e => (string)e!["outcome"]! == "integrity_failure").ToList();
        Assert.Equal(["download", "export", "export"], failures.Select(f => (string)f!["action"]!).Order());
        Assert.All(failures, f => Assert.Contains(html.Sha256, (string)f!["detail"]!, StringComparison.Ordinal));
        Assert.DoesNotContain(await app.AccessLogAsync(), e => (string)e!["action"]! == "export" && (string)e["outcome"]! == "allowed");
    }

    [Fact]
    public async Task ARenditionDeletedFromStorage_IsReportedAsMissing_NotAServerError()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await KeepAsync(app);
        await Blob(app, record.Renditions[0].BlobName).DeleteAsync();
        using var officer = app.RecordsOfficer();

        using var download = await officer.GetAsync(RecordsClient.Path(record.RecordId, "/content"));
        using var export = await officer.PostAsJsonAsync("/api/records/export", new { recordIds = new[] { record.RecordId }, reference = "PRA 2026-201" });

        Assert.Equal([HttpStatusCode.Conflict, HttpStatusCode.Conflict], new[] { download.StatusCode, export.StatusCode });
        Assert.Equal(2, (await app.AccessLogAsync()).Count(e => (string)e!["outcome"]! == "integrity_failure" && ((string)e["detail"]!).Contains("found missing", StringComparison.Ordinal)));
    }

    private static Task<RecordEntry> KeepAsync(AIWorkflowsApp app) =>
        app.Services.GetRequiredService<IRecordArchive>().ArchiveAsync(new NewRecord(
            "tool-casenotes.incident-7", "incident", "Incident report: wrong case", "tool-casenotes", "req-0123456789abcdef", "Utilities",
            app.Clock.GetUtcNow(), "created", null,
            [
                new Rendition("json", "application/json", Encoding.UTF8.GetBytes("{\"description\":\"The assistant summarized the wrong case.\"}")),
                new Rendition("html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(Html)),
            ]), default);

    private static Azure.Storage.Blobs.BlobClient Blob(AIWorkflowsApp app, string name) =>
        app.Services.GetRequiredService<StorageClients>().Container(RecordStorage.Container).GetBlobClient(name);

    /// <summary>The records page's export form, posted as a browser would (antiforgery cookie and field).</summary>
    private static async Task<SecurityClient.Page> ExportFormAsync(AIWorkflowsApp app, string recordId)
    {
        var devUser = $"{RecordsClient.Officer}; records_officer";
        var (cookie, token) = await SecurityWorld.AntiforgeryAsync(app, devUser);
        using var http = app.As(devUser);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/records?handler=Export")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["recordIds"] = recordId, ["reference"] = "PRA 2026-200", ["__RequestVerificationToken"] = token,
            }),
        };
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return await response.PageAsync();
    }
}

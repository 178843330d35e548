using System.Net;
using System.Security.Cryptography;
using System.Text;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Records;

/// <summary>Audited retrieval: verified downloads, refusals, and the access log that lists them all.</summary>
[Collection(OnAzurite.Name)]
public class RecordRetrievalTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Download_ServesTheBytesWithTheirSha256_AndTheAccessLogListsEveryDownload()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        using var http = app.RecordsOfficer();

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync(RecordsClient.Path(record.RecordId, "/content"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(record.Renditions[0].Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            Assert.Equal(record.Renditions[0].Sha256, response.Headers.GetValues("X-Record-Sha256").Single());
            Assert.StartsWith("sha-256=:", response.Headers.GetValues("Repr-Digest").Single(), StringComparison.Ordinal);
        }

        var downloads = (await app.AccessLogAsync()).Where(e => (string)e!["action"]! == "download").ToList();
        Assert.Equal(3, downloads.Count);
        Assert.All(downloads, d =>
        {
            Assert.Equal((RecordsClient.Officer, "allowed", record.RecordId), ((string)d!["actor"]!, (string)d["outcome"]!, (string)d["recordId"]!));
            Assert.Equal(record.Renditions[0].Sha256, (string)d["sha256"]!);
        });
    }

    [Fact]
    public async Task Download_OfContentChangedBehindTheAppsBack_IsRefusedAndLoggedAsAnIntegrityFailure()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        // Someone with storage access rewrites the blob (and even its metadata) directly.
        var blob = app.Services.GetRequiredService<StorageClients>().Container(RecordStorage.Container).GetBlobClient(record.Renditions[0].BlobName);
        await blob.UploadAsync(BinaryData.FromString("{\"description\":\"Nothing happened.\"}"), overwrite: true);
        using var http = app.RecordsOfficer();

        using var response = await http.GetAsync(RecordsClient.Path(record.RecordId, "/content"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("The record failed its integrity check", (string)problem["title"]!);
        Assert.DoesNotContain("Nothing happened", problem.ToJsonString(), StringComparison.Ordinal);
        var alert = Assert.Single(await app.AccessLogAsync(), e => (string)e!["outcome"]! == "integrity_failure");
        Assert.Equal((record.RecordId, "download"), ((string)alert!["recordId"]!, (string)alert["action"]!));
        Assert.Contains(record.Renditions[0].Sha256, (string)alert["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ai_officer")]
    [InlineData("requester")]
    [InlineData("admin")]
    public async Task OtherRoles_Get403OnEveryRecordsRoute_AndEachRefusalIsInTheAccessLog(string role)
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        using var http = app.As("sam.other@cityofsacramento.example", role);

        using var search = await http.GetAsync("/api/records?toolId=tool-casenotes");
        using var content = await http.GetAsync(RecordsClient.Path(record.RecordId, "/content"));
        using var hold = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/holds"), new { reason = "Mine" });
        using var log = await http.GetAsync("/api/records/access-log");

        Assert.All([search, content, hold, log], r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal("application/problem+json", content.Content.Headers.ContentType!.MediaType);
        var denied = (await app.AccessLogAsync()).Where(e => (string)e!["outcome"]! == "denied").ToList();
        Assert.Equal(4, denied.Count);
        Assert.All(denied, d => Assert.Equal(("sam.other@cityofsacramento.example", role), ((string)d!["actor"]!, (string)d["roles"]![0]!)));
        Assert.Contains(denied, d => (string)d!["action"]! == $"GET /api/records/{record.RecordId}/content" && (string)d["recordId"]! == record.RecordId);
    }

    [Fact]
    public async Task Anonymous_Gets401_AndTheAttemptIsLogged()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        using var response = await http.GetAsync("/api/records");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(await app.AccessLogAsync(), e => (string)e!["actor"]! == "anonymous" && (string)e["outcome"]! == "denied");
    }

    [Fact]
    public async Task Search_ByToolClassDepartmentDatesAndTitleText_FindsTheRecords_AndEachSearchIsLogged()
    {
        await using var app = new AIWorkflowsApp(azurite);
        await app.KeepIncidentAsync(name: "incident-1", text: "Wrong case summarized");
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.KeepIncidentAsync(name: "incident-2", text: "Leaked a phone number");
        await app.KeepIncidentAsync(toolId: "tool-other", name: "incident-1", text: "Leaked a name");
        using var http = app.RecordsOfficer();

        async Task<string[]> Ids(string query) =>
            [.. System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records?" + query))!.AsArray().Select(r => (string)r!["id"]!)];

        Assert.Equal(["tool-casenotes.incident-2", "tool-casenotes.incident-1"], await Ids("toolId=tool-casenotes&recordClass=incident"));
        Assert.Equal(["tool-casenotes.incident-2", "tool-other.incident-1"], await Ids("q=leaked"));
        Assert.Equal(["tool-casenotes.incident-1"], await Ids($"department=Utilities&to={AIWorkflowsApp.Start:yyyy-MM-dd}"));
        Assert.Equal(3, (await app.AccessLogAsync()).Count(e => (string)e!["action"]! == "search"));
        using var bad = await http.GetAsync("/api/records?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Export_ZipsTheChosenRecordsWithAManifestOfTheirHashes_AndLogsEachRecord()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var a = await app.KeepIncidentAsync(name: "incident-1");
        var b = await app.KeepIncidentAsync(name: "incident-2", text: "Second");
        using var http = app.RecordsOfficer();

        using var response = await http.PostJsonAsync("/api/records/export", new { recordIds = new[] { a.RecordId, b.RecordId }, reference = "PRA 2026-114" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new System.IO.Compression.ZipArchive(await response.Content.ReadAsStreamAsync());
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(await new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEndAsync())!;
        Assert.Equal("PRA 2026-114", (string)manifest["reference"]!);
        foreach (var file in manifest["records"]!.AsArray().SelectMany(r => r!["files"]!.AsArray()))
        {
            using var entry = zip.GetEntry((string)file!["path"]!)!.Open();
            Assert.Equal((string)file["sha256"]!, Convert.ToHexStringLower(await SHA256.HashDataAsync(entry)));
        }
        Assert.Equal([a.RecordId, b.RecordId], (await app.AccessLogAsync()).Where(e => (string)e!["action"]! == "export").Select(e => (string)e!["recordId"]!).Order());

        using var missing = await http.PostJsonAsync("/api/records/export", new { recordIds = new[] { "tool-casenotes.nope" }, reference = "PRA 2026-115" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
    }

    [Fact]
    public async Task RecordKept_AgainWithOtherBytes_KeepsTheFirstContent()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var first = await app.KeepIncidentAsync(text: "First version");

        var again = await app.KeepIncidentAsync(text: "Rewritten version");

        Assert.Equal(first.Renditions[0].Sha256, again.Renditions[0].Sha256);
        using var http = app.RecordsOfficer();
        Assert.Contains("First version", Encoding.UTF8.GetString(await http.GetByteArrayAsync(RecordsClient.Path(first.RecordId, "/content"))), StringComparison.Ordinal);
    }
}

using System.Net;
using AIWorkflows.App.Records;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Records;

/// <summary>Holds, the disposition review the sweep opens when retention ends, disposal and its certificate.</summary>
[Collection(OnAzurite.Name)]
public class RecordRetentionTests(AzuriteFixture azurite)
{
    // Sacramento keeps incident reports five years from creation.
    private static readonly TimeSpan PastFiveYears = AIWorkflowsApp.Start.AddYears(5).AddDays(1) - AIWorkflowsApp.Start;

    [Fact]
    public async Task HeldRecord_SurvivesItsRetentionEnd_AndIsReviewedOnlyOnceTheHoldIsReleased()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        using var http = app.RecordsOfficer();
        using var held = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/holds"), new { reason = "Litigation: Doe v. City" });
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var holdId = (string)(await held.JsonAsync())["holds"]![0]!["holdId"]!;

        app.Clock.Advance(PastFiveYears);
        await http.SweepAsync();

        var after = await (await http.GetAsync(RecordsClient.Path(record.RecordId))).JsonAsync();
        Assert.Equal("on_hold", (string)after["record"]!["status"]!);
        Assert.Contains(after["history"]!.AsArray(), h => (string)h!["type"]! == "disposition_deferred");
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Disposition review", StringComparison.Ordinal));
        using (var content = await http.GetAsync(RecordsClient.Path(record.RecordId, "/content")))
            Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        using (var dispose = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/disposition"), new { decision = "dispose", reason = "Schedule complete" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, dispose.StatusCode);
            Assert.Contains("legal hold", (string)(await dispose.JsonAsync())["detail"]!, StringComparison.Ordinal);
        }
        Assert.Contains(app.Services.GetRequiredService<LocalRecordImmutability>().Intents, i => i.Action == "legal_hold" && i.Hold == true);

        using var released = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, $"/holds/{holdId}/release"), new { reason = "Case settled" });
        Assert.Equal("disposition_review", (string)(await released.JsonAsync())["status"]!);
        var mail = await http.SingleMailAsync("records@cityofsacramento.example", "Disposition review due");
        Assert.EndsWith($"/records/{record.RecordId}", mail.Links[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetentionEnd_OpensAReview_AndDisposalDeletesTheContentAndLeavesAPermanentCertificate()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        using var http = app.RecordsOfficer();
        using (var early = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/disposition"), new { decision = "dispose", reason = "Tidy up" }))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        app.Clock.Advance(PastFiveYears);
        await http.SweepAsync();
        var reviews = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records/reviews"))!.AsArray();
        Assert.Equal(record.RecordId, (string)Assert.Single(reviews)!["id"]!);

        using var disposed = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/disposition"), new { decision = "dispose", reason = "Retention period complete" });
        Assert.Equal(HttpStatusCode.OK, disposed.StatusCode);

        var blob = app.Services.GetRequiredService<StorageClients>().Container(RecordStorage.Container).GetBlobClient(record.Renditions[0].BlobName);
        Assert.False((await blob.ExistsAsync()).Value);
        using (var gone = await http.GetAsync(RecordsClient.Path(record.RecordId, "/content")))
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);

        var view = (await (await http.GetAsync(RecordsClient.Path(record.RecordId))).JsonAsync())["record"]!;
        Assert.Equal("disposed", (string)view["status"]!);
        var certificateId = (string)view["certificateId"]!;
        Assert.Equal("tool-casenotes.certificate-incident-1", certificateId);
        var certificate = (await (await http.GetAsync(RecordsClient.Path(certificateId))).JsonAsync())["record"]!;
        Assert.Equal(("disposition_certificate", "kept"), ((string)certificate["recordClass"]!, (string)certificate["status"]!));
        Assert.Null(certificate["retentionEnd"]);
        var body = await http.GetStringAsync(RecordsClient.Path(certificateId, "/content?format=json"));
        foreach (var expected in new[] { record.RecordId, record.Renditions[0].Sha256, RecordsClient.Officer, "Retention period complete", "Sacramento VI.A.6" })
            Assert.Contains(expected, body, StringComparison.Ordinal);

        // Permanent: the certificate is never due, not even a century later.
        app.Clock.Advance(TimeSpan.FromDays(365 * 100));
        await http.SweepAsync();
        Assert.Empty(System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records/reviews"))!.AsArray());
    }

    [Fact]
    public async Task Extension_InTheReview_KeepsTheRecordUntilTheNewDate()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync();
        using var http = app.RecordsOfficer();
        app.Clock.Advance(PastFiveYears);
        await http.SweepAsync();
        var until = app.Clock.GetUtcNow().AddYears(2);

        using var extended = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/disposition"),
            new { decision = "extend", reason = "Related audit still open", until = until.ToString("yyyy-MM-dd") });

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal("kept", (string)(await extended.JsonAsync())["status"]!);
        app.Clock.Advance(TimeSpan.FromDays(365));
        await http.SweepAsync();
        Assert.Empty(System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records/reviews"))!.AsArray());
        app.Clock.Advance(TimeSpan.FromDays(366));
        await http.SweepAsync();
        Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records/reviews"))!.AsArray());
        using var invalid = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/disposition"), new { decision = "shred", reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task ToolHold_CoversEveryRecordOfTheTool_IncludingOnesKeptLater_AndBlocksTheirDisposal()
    {
        await using var app = new AIWorkflowsApp(azurite);
        await app.KeepIncidentAsync(name: "incident-1");
        await app.KeepIncidentAsync(toolId: "tool-other", name: "incident-1");
        using var http = app.RecordsOfficer();

        using var placed = await http.PostJsonAsync("/api/records/tools/tool-casenotes/holds", new { reason = "Public records request PRA 2026-114" });
        Assert.Equal(1, (int)(await placed.JsonAsync())["records"]!);
        var holdId = (string)(await placed.JsonAsync())["holdId"]!;
        var late = await app.KeepIncidentAsync(name: "incident-2");

        app.Clock.Advance(PastFiveYears);
        await http.SweepAsync();
        var statuses = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records?q=incident"))!.AsArray()
            .ToDictionary(r => (string)r!["id"]!, r => (string)r!["status"]!);
        Assert.Equal("on_hold", statuses["tool-casenotes.incident-1"]);
        Assert.Equal("on_hold", statuses[late.RecordId]);
        Assert.Equal("disposition_review", statuses["tool-other.incident-1"]);

        using var released = await http.PostJsonAsync($"/api/records/tools/tool-casenotes/holds/{holdId}/release", new { reason = "Request answered" });
        Assert.Equal(2, (int)(await released.JsonAsync())["records"]!);
        Assert.Equal(3, System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records/reviews"))!.AsArray().Count);
    }

    [Fact]
    public async Task ApprovedTool_DecisionRecordWaitsForRetirement_ThenIsDueTenYearsAfterIt()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var created = await http.SubmitAsync(AppClient.HighRiskRequest());
        foreach (var pass in new[] { 1, 2 })
            foreach (var mail in (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)))
                using (await http.PostFormAsync(mail.LinkPath("/tasks/"), ("decision", "approve"), ("comments", "ok"))) { }
        var toolId = (string)(await http.GetRequestAsync((string)created["id"]!))["toolId"]!;
        using var officer = app.RecordsOfficer();
        var decision = System.Text.Json.Nodes.JsonNode.Parse(await officer.GetStringAsync($"/api/records?toolId={toolId}&recordClass=decision_record"))!.AsArray().Single()!;
        Assert.Equal(("tool_retired", null), ((string)decision["retentionStartsOn"]!, (string?)decision["retentionEnd"]));

        // The first quarterly re-assessment retires the tool: its lifecycle step starts the records' clocks.
        app.Clock.Advance(TimeSpan.FromDays(80));
        await http.SweepAsync();
        var attest = await http.SingleMailAsync("pat.lee@cityofsacramento.example", "Re-assessment of");
        using (await http.PostFormAsync(attest.LinkPath("/reassess/"), ("use", "No longer used"), ("dataChanges", "none"), ("incidentsSince", "none"))) { }
        var review = await http.SingleMailAsync("aio@cityofsacramento.example", "Review the re-assessment");
        var retiredAt = app.Clock.GetUtcNow();
        using (var done = await http.PostFormAsync(review.LinkPath("/reassess/"), ("outcome", "retire"), ("tier", "high"), ("comments", "Replaced by the new case system")))
            Assert.Equal(System.Net.HttpStatusCode.OK, done.StatusCode);
        await http.SweepAsync();

        var id = (string)decision["id"]!;
        var after = (await (await officer.GetAsync(RecordsClient.Path(id))).JsonAsync())["record"]!;
        Assert.Equal(retiredAt.AddYears(10), DateTimeOffset.Parse((string)after["retentionEnd"]!, System.Globalization.CultureInfo.InvariantCulture));
        app.Clock.Advance(retiredAt.AddYears(10).AddDays(1) - retiredAt);
        await officer.SweepAsync();
        Assert.Contains(System.Text.Json.Nodes.JsonNode.Parse(await officer.GetStringAsync("/api/records/reviews"))!.AsArray(), r => (string)r!["id"]! == id);
    }
}

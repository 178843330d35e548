using System.Net;
using System.Text;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Records;

/// <summary>
/// A kept record is registered asleep: indexed and protected at once, with no orchestration running for
/// the years until its retention ends; the wake trigger starts its orchestration when the end nears.
/// </summary>
[Collection(OnAzurite.Name)]
public class RecordRegistrationTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan PastFiveYears = AIWorkflowsApp.Start.AddYears(5).AddDays(1) - AIWorkflowsApp.Start;

    [Fact]
    public async Task KeptRecord_IsIndexedAndProtectedWithNoOrchestrationRunning_AndItsReviewOpensWhenRetentionEnds()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var entry = await app.Services.GetRequiredService<IRecordArchive>().ArchiveAsync(Incident(app), default);

        using var http = app.RecordsOfficer();
        var view = (await (await http.GetAsync(RecordsClient.Path(entry.RecordId))).JsonAsync())["record"]!;
        Assert.Equal("kept", (string)view["status"]!);
        Assert.Equal("kept", (await app.Services.GetRequiredService<RecordArchive>().GetAsync(entry.RecordId, default))!.Status);
        Assert.Contains(app.Services.GetRequiredService<LocalRecordImmutability>().Intents,
            i => i.BlobName == entry.Renditions[0].BlobName && i.Action == "protect_until");
        Assert.Null(await app.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(entry.RecordId));

        app.Clock.Advance(PastFiveYears);
        await http.SweepAsync();
        Assert.Equal(entry.RecordId, (string)Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records/reviews"))!.AsArray())!["id"]!);
        Assert.NotNull(await app.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(entry.RecordId));
    }

    [Fact]
    public async Task DisposedRecord_KeptAgainByARetriedEffect_StaysDisposed_InItsStateItsIndexRowAndItsBlobs()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        await using var app = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix });
        var record = Incident(app);
        var entry = await app.Services.GetRequiredService<IRecordArchive>().ArchiveAsync(record, default);
        using var http = app.RecordsOfficer();
        app.Clock.Advance(PastFiveYears);
        await http.SweepAsync();
        using (var disposed = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/disposition"), new { decision = "dispose", reason = "Retention period complete" }))
            Assert.Equal(HttpStatusCode.OK, disposed.StatusCode);

        // Another process runs the effect that kept it again: the content is gone, so it is uploaded anew,
        // and the registration finds the disposed record.
        await using (var other = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix }))
            await other.Services.GetRequiredService<IRecordArchive>().ArchiveAsync(record, default);

        var view = (await (await http.GetAsync(RecordsClient.Path(record.RecordId))).JsonAsync())["record"]!;
        Assert.Equal("disposed", (string)view["status"]!);
        var archive = app.Services.GetRequiredService<RecordArchive>();
        Assert.Equal("disposed", (await archive.GetAsync(record.RecordId, default))!.Status);
        Assert.Null(await archive.ReadContentAsync(entry.Renditions[0].BlobName, default));
    }

    private static NewRecord Incident(AIWorkflowsApp app) => new(
        "tool-casenotes.incident-7", "incident", "Incident report: wrong case", "tool-casenotes", "req-0123456789abcdef", "Utilities",
        app.Clock.GetUtcNow(), "created", null, [new Rendition("json", "application/json", Encoding.UTF8.GetBytes("{\"description\":\"wrong case\"}"))]);
}

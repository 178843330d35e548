using System.Net;
using System.Text;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Records;
using AIWorkflows.Storage.Tests.Fixtures;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Records;

/// <summary>
/// A record kept by an effect (ArchiveInEffectAsync) writes its index row, retention timer and blob
/// protection before it is registered, and its registration leaves no outbox rows behind.
/// </summary>
[Collection(OnAzurite.Name)]
public class RecordKeptInEffectTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan PastFiveYears = AIWorkflowsApp.Start.AddYears(5).AddDays(1) - AIWorkflowsApp.Start;

    [Fact]
    public async Task RecordKeptByAnEffect_IsRegisteredIndexedProtectedAndTimed_WithNoOutboxRowLeft()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var archive = app.Services.GetRequiredService<IRecordArchive>();

        var entry = await archive.ArchiveInEffectAsync(Incident(app), default);

        using var http = app.RecordsOfficer();
        var view = (await (await http.GetAsync(RecordsClient.Path(entry.RecordId))).JsonAsync())["record"]!;
        Assert.Equal("kept", (string)view["status"]!);
        Assert.Equal("kept", (await app.Services.GetRequiredService<RecordArchive>().GetAsync(entry.RecordId, default))!.Status);
        Assert.Empty(await OutboxRowsAsync(app, entry.RecordId));
        Assert.Contains(app.Services.GetRequiredService<LocalRecordImmutability>().Intents,
            i => i.BlobName == entry.Renditions[0].BlobName && i.Action == "protect_until");
        // Its retention timer was set too: five years on, the review opens.
        app.Clock.Advance(PastFiveYears);
        await http.SweepAsync();
        Assert.Equal(entry.RecordId, (string)Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/records/reviews"))!.AsArray())!["id"]!);
    }

    [Fact]
    public async Task DisposedRecord_KeptAgainByARetriedEffect_StaysDisposed_InItsStateAndItsIndexRow()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        await using var app = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix });
        var record = Incident(app);
        await app.Services.GetRequiredService<IRecordArchive>().ArchiveInEffectAsync(record, default);
        using var http = app.RecordsOfficer();
        app.Clock.Advance(PastFiveYears);
        await http.SweepAsync();
        using (var disposed = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/disposition"), new { decision = "dispose", reason = "Retention period complete" }))
            Assert.Equal(HttpStatusCode.OK, disposed.StatusCode);

        // Another process (no cached state) runs the effect again: the content is gone, so the blobs are new
        // again and the add fails on the disposed instance, whose index row the effects run first had
        // overwritten; it is written back from the state.
        await using (var other = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix }))
            await other.Services.GetRequiredService<IRecordArchive>().ArchiveInEffectAsync(record, default);

        var view = (await (await http.GetAsync(RecordsClient.Path(record.RecordId))).JsonAsync())["record"]!;
        Assert.Equal("disposed", (string)view["status"]!);
        Assert.Equal("disposed", (await app.Services.GetRequiredService<RecordArchive>().GetAsync(record.RecordId, default))!.Status);
        Assert.Empty(await OutboxRowsAsync(app, record.RecordId));
    }

    private static NewRecord Incident(AIWorkflowsApp app) => new(
        "tool-casenotes.incident-7", "incident", "Incident report: wrong case", "tool-casenotes", "req-0123456789abcdef", "Utilities",
        app.Clock.GetUtcNow(), "created", null, [new Rendition("json", "application/json", Encoding.UTF8.GetBytes("{\"description\":\"wrong case\"}"))]);

    private static async Task<List<TableEntity>> OutboxRowsAsync(AIWorkflowsApp app, string instanceId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in app.Services.GetRequiredService<StorageClients>().Table(StorageTables.Workflows)
            .QueryAsync<TableEntity>(e => e.PartitionKey == instanceId && e.RowKey.CompareTo("out-") >= 0 && e.RowKey.CompareTo("out.") < 0))
            rows.Add(row);
        return rows;
    }
}

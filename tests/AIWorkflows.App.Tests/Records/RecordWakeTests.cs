using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Records;

/// <summary>A sleeping record woken again and again in quick succession (a records officer placing holds one after another) answers each time.</summary>
[Collection(OnAzurite.Name)]
public class RecordWakeTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task HoldsPlacedOneAfterAnother_OnASleepingRecord_AreEachRecorded()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync(name: "incident-wake");
        using var http = app.RecordsOfficer();

        for (var i = 0; i < 12; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var placed = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/holds"), new { reason = $"Litigation hold {i}" });
            Assert.True(placed.StatusCode == HttpStatusCode.OK, $"hold {i}: {(int)placed.StatusCode} {await placed.Content.ReadAsStringAsync()}");
            output.WriteLine($"hold {i}: {watch.ElapsedMilliseconds} ms");
        }

        var view = (await (await http.GetAsync(RecordsClient.Path(record.RecordId))).JsonAsync())["record"]!;
        Assert.Equal(12, view["holds"]!.AsArray().Count);
    }

    [Fact]
    public async Task HoldsPlacedAtOnce_OnASleepingRecord_AreEachRecorded()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var record = await app.KeepIncidentAsync(name: "incident-wake-together");
        using var http = app.RecordsOfficer();

        // Several officers (or a tool-wide hold fanning out) waking one record together: one start, the rest events.
        var placed = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            using var response = await http.PostJsonAsync(RecordsClient.Path(record.RecordId, "/holds"), new { reason = $"Litigation hold {i}" });
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }));

        Assert.All(placed, p => Assert.StartsWith("200 ", p));
        var view = (await (await http.GetAsync(RecordsClient.Path(record.RecordId))).JsonAsync())["record"]!;
        Assert.Equal(6, view["holds"]!.AsArray().Count);
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using Xunit.Abstractions;

namespace AIWorkflows.App.Tests.Inventory;

/// <summary>A fresh Azurite for a test that measures time: its collection runs after the parallel ones, alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneOnAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "App alone on its own Azurite";
}

/// <summary>The whole US federal inventory (3,611 real use cases) through the import, twice, then a sweep.</summary>
[Collection(AloneOnAzurite.Name)]
public class FederalImportScaleTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task WholeFederalFile_ImportsWithAReport_AgainAddsNothing_AndASweepWithNothingDueStaysCheap()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await http.SweepAsync(); // the one-time work of a process's first sweep (cursor, recovery scan), before any tool exists
        byte[] file;
        await using (var csv = RegisterFixtures.FederalCsv())
        using (var buffer = new MemoryStream())
        {
            await csv.CopyToAsync(buffer);
            file = buffer.ToArray();
        }

        var before = app.Counter.Snapshot();
        var clock = Stopwatch.StartNew();
        var report = await FederalImportTests.ImportAsync(http, file);
        var took = clock.Elapsed;
        var (rows, accepted, refused) = ((int)report["rows"]!, (int)report["accepted"]!, report["refused"]!.AsArray());
        output.WriteLine($"Imported {accepted} of {rows} rows in {took.TotalSeconds:F1} s; refused {refused.Count}. Storage transactions: {app.Counter.Since(before)}");
        foreach (var reason in refused.GroupBy(r => ((string)r!["reason"]!).Split(':', '.')[0]).OrderByDescending(g => g.Count()))
            output.WriteLine($"  {reason.Count(),5}  {reason.Key}");
        Assert.Equal(3611, rows);
        Assert.Equal(rows, accepted + (int)report["alreadyRegistered"]! + refused.Count);
        Assert.InRange(accepted, 2500, 3000);
        Assert.All(refused, r => Assert.False(string.IsNullOrWhiteSpace((string)r!["reason"]!)));
        Assert.Equal(accepted, (int)JsonNode.Parse(await http.GetStringAsync("/api/inventory"))!["total"]!);

        clock.Restart();
        var again = await FederalImportTests.ImportAsync(http, file);
        output.WriteLine($"Second import: {again["accepted"]} new, {again["alreadyRegistered"]} already registered, in {clock.Elapsed.TotalSeconds:F1} s.");
        Assert.Equal((0, accepted), ((int)again["accepted"]!, (int)again["alreadyRegistered"]!));

        // Thousands of tools wait for re-assessment asleep, none due: the sweep asks each sleeping workflow's wake index once.
        var sweepFrom = app.Counter.Total;
        var swept = await http.SweepAsync();
        var cost = app.Counter.Total - sweepFrom;
        output.WriteLine($"Sweep with nothing due over {accepted} tools: {cost} storage transactions.");
        Assert.Equal(0, (int)swept["woken"]!);
        Assert.InRange(cost, 0, 3);
    }

}

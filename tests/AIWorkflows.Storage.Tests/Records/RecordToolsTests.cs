using AIWorkflows.Storage.Records;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.Storage.Tests.Records;

[Collection(UsesAzurite.Name)]
public class RecordToolsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ConcurrentHoldsOnOneTool_AreAllKept()
    {
        var clients = new StorageClients(azurite.NewStorageOptions(), new AIWorkflows.Storage.Counting.StorageTransactionCounter());
        RecordStorage.Register(clients);
        await clients.EnsureCreatedAsync(default);
        var tools = new RecordTools(clients.Table(RecordStorage.ToolsTable));
        var at = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(1, 5).Select(i => tools.UpdateAsync("tool-a",
            f => f with { Holds = [.. f.Holds, new HoldSummary($"h{i}", "Litigation", "r@city.example", "tool", at)] }, default)));
        await tools.UpdateAsync("tool-a", f => f with { RetiredAt = at }, default);

        var facts = await tools.GetAsync("tool-a", default);
        Assert.Equal(["h1", "h2", "h3", "h4", "h5"], facts.Holds.Select(h => h.HoldId).Order());
        Assert.Equal(at, facts.RetiredAt);
        Assert.Empty((await tools.GetAsync("tool-b", default)).Holds);
    }
}

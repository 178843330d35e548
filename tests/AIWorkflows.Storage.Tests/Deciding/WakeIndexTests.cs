using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.Storage.Tests.Deciding;

[Collection(UsesAzurite.Name)]
public class WakeIndexTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Day = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private async Task<WakeIndex> IndexAsync()
    {
        var clients = new StorageClients(azurite.NewStorageOptions(), new AIWorkflows.Storage.Counting.StorageTransactionCounter());
        await clients.EnsureCreatedAsync(default);
        return new WakeIndex(clients);
    }

    [Fact]
    public async Task TheRowsDueByAnInstant_AreThoseOfThatWorkflow_EarliestFirst_OneRowPerInstance()
    {
        var index = await IndexAsync();
        await index.SetAsync("tool", "tool-late", Day.AddDays(40), default);
        await index.SetAsync("tool", "tool-b", Day.AddDays(2), default);
        await index.SetAsync("tool", "tool-a", Day.AddDays(1), default);
        await index.SetAsync("grant", "grant-a", Day, default);
        // Asleep again with a later deadline: the instance's one row moves.
        await index.SetAsync("tool", "tool-b", Day.AddDays(90), default);

        var due = await index.DueAsync("tool", Day.AddDays(30), default);

        Assert.Equal(["tool-a"], due.Select(r => r.InstanceId));
        Assert.Equal(Day.AddDays(1), due[0].WakeAt);
        Assert.Equal(["tool-a", "tool-late", "tool-b"], (await index.DueAsync("tool", Day.AddYears(1), default)).Select(r => r.InstanceId));
    }

    [Fact]
    public async Task ARowIsRemovedAsRead_ButNotOnceTheInstanceWentToSleepAgain()
    {
        var index = await IndexAsync();
        await index.SetAsync("tool", "tool-a", Day, default);
        await index.SetAsync("tool", "tool-b", Day, default);
        var read = await index.DueAsync("tool", Day, default);

        await index.SetAsync("tool", "tool-b", Day.AddDays(60), default);

        Assert.True(await index.RemoveAsync(read.Single(r => r.InstanceId == "tool-a"), default));
        Assert.False(await index.RemoveAsync(read.Single(r => r.InstanceId == "tool-b"), default));
        Assert.False(await index.RemoveAsync(read.Single(r => r.InstanceId == "tool-a"), default));
        Assert.Equal([("tool-b", Day.AddDays(60))], (await index.DueAsync("tool", Day.AddYears(1), default)).Select(r => (r.InstanceId, r.WakeAt)));
    }
}

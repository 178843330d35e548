using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Ledger;

namespace AIWorkflows.Storage.Tests.Counting;

[Collection(UsesAzurite.Name)]
public sealed class StorageTransactionCounterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GivenACommand_WhenCounted_ThenTheBreakdownNamesMethodAndTable()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var table = world.WorkflowsTable.Name;
        var before = world.Counter.Snapshot();

        await world.Store.HandleAsync("acct", new Deposit(1, LedgerWorld.Start), default);

        var cost = world.Counter.Since(before);
        Assert.Equal(new Dictionary<StorageOperation, long>
        {
            [new("GET", table)] = 1,              // the state row
            [new("POST", table + "/$batch")] = 2, // the commit, then the outbox delete
        }, cost.ByOperation);
        Assert.Equal(3, cost.ForResource(table));
        Assert.Equal(2, cost.ForMethod("post"));
    }

    [Fact]
    public async Task GivenBlobRequests_WhenCounted_ThenTheyAreAttributedToTheirContainer()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var container = world.Clients.Container("records");
        var before = world.Counter.Snapshot();

        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("a/b.txt", BinaryData.FromString("hello"));

        var cost = world.Counter.Since(before);
        Assert.Equal(2, cost.Total);
        Assert.Equal(2, cost.ForResource(container.Name));
    }

    [Fact]
    public void GivenTwoSnapshots_WhenSubtracted_ThenOnlyTheDifferenceRemains()
    {
        var op = new StorageOperation("GET", "t");
        var earlier = new StorageTransactionSnapshot(2, new Dictionary<StorageOperation, long> { [op] = 2 });
        var later = new StorageTransactionSnapshot(5, new Dictionary<StorageOperation, long> { [op] = 2, [new("PUT", "t")] = 3 });

        var diff = later - earlier;

        Assert.Equal(3, diff.Total);
        Assert.Equal(new Dictionary<StorageOperation, long> { [new("PUT", "t")] = 3 }, diff.ByOperation);
    }
}

using System.Text.Json;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.Storage.Tests.Counting;

[Collection(UsesAzurite.Name)]
public sealed class StorageTransactionCounterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task GivenAWorkflowStep_WhenCounted_ThenTheBreakdownNamesMethodAndTable()
    {
        var (clients, counter) = await ClientsAsync();
        var log = new WorkflowLog<string, string>(clients, "ledger", JsonSerializerOptions.Default);
        var table = clients.Table(StorageTables.Workflows).Name;
        var before = counter.Snapshot();

        Assert.Null(await log.LoadAsync("acct", includeEvents: false, default));
        await log.AppendAsync("acct", "balance 1", 1, [new StoredEvent<string>(1, Start, "deposited 1")], "", Start, default);

        var cost = counter.Since(before);
        Assert.Equal(new Dictionary<StorageOperation, long>
        {
            [new("GET", table)] = 1,              // the state row, not there yet
            // The step: event row and state row together. A batch goes to the account's $batch endpoint, so it is
            // named for the table it was attributed to (StorageTransactionCounter.AttributeBatchesTo).
            [new("POST", StorageTables.Workflows + "/$batch")] = 1,
        }, cost.ByOperation);
        Assert.Equal(1, cost.ForResource(table));
        Assert.Equal(1, cost.ForMethod("post"));
    }

    [Fact]
    public async Task GivenBlobRequests_WhenCounted_ThenTheyAreAttributedToTheirContainer()
    {
        var (clients, counter) = await ClientsAsync();
        var container = clients.Container("records");
        var before = counter.Snapshot();

        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("a/b.txt", BinaryData.FromString("hello"));

        var cost = counter.Since(before);
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

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private async Task<(StorageClients Clients, StorageTransactionCounter Counter)> ClientsAsync()
    {
        var counter = new StorageTransactionCounter();
        var clients = new StorageClients(azurite.NewStorageOptions(), counter);
        await clients.EnsureCreatedAsync(default);
        return (clients, counter);
    }
}

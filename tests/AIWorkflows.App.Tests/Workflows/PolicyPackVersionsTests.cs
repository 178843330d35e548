using System.Text.Json;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.Workflows;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// Instances start with a pack's content id, and replay under that pack for life: a release that runs another pack
/// (or an edited one) still finds the version an older instance started with, in Blob storage.
/// </summary>
[Collection(OnAzurite.Name)]
public sealed class PolicyPackVersionsTests(AzuriteFixture azurite)
{
    private static readonly Domain.Policy.PolicyPack Sacramento = PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento");
    private static readonly Domain.Policy.PolicyPack Baltimore = PolicyPackLoader.Load(PackFolder.RepoWorkflows, "baltimore");

    private async Task<StorageClients> StorageAsync()
    {
        var clients = new StorageClients(azurite.NewStorageOptions(), new StorageTransactionCounter());
        PolicyPackVersions.Register(clients);
        await clients.EnsureCreatedAsync(default);
        return clients;
    }

    [Fact]
    public async Task AVersionStoredByOneRelease_IsReadByTheNext_AsTheSamePack()
    {
        var storage = await StorageAsync();
        var before = new PolicyPackVersions(Sacramento, storage);
        await before.EnsureStoredAsync(default);
        await before.EnsureStoredAsync(default);

        var after = new PolicyPackVersions(Baltimore, storage);

        Assert.NotEqual(before.CurrentId, after.CurrentId);
        Assert.StartsWith("sacramento-", before.CurrentId, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(Sacramento, WorkflowJson.Options), JsonSerializer.Serialize(after.Get(before.CurrentId), WorkflowJson.Options));
        Assert.Same(after.Get(before.CurrentId), after.Get(before.CurrentId));
    }

    [Fact]
    public async Task TheSamePackLoadedAgain_HasTheSameId_AndAnEditedOneAnother()
    {
        var storage = await StorageAsync();
        var edited = Sacramento with { City = Sacramento.City + " (amended)" };

        Assert.Equal(new PolicyPackVersions(Sacramento, storage).CurrentId, new PolicyPackVersions(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento"), storage).CurrentId);
        Assert.NotEqual(new PolicyPackVersions(Sacramento, storage).CurrentId, new PolicyPackVersions(edited, storage).CurrentId);
    }

    [Fact]
    public async Task AStoredVersionChangedInPlace_OrMissing_IsRefusedWithWhatToDo()
    {
        var storage = await StorageAsync();
        var stored = new PolicyPackVersions(Sacramento, storage);
        await stored.EnsureStoredAsync(default);
        var edited = JsonSerializer.Serialize(Sacramento with { City = "Elsewhere" }, WorkflowJson.Options);
        await storage.Container(PolicyPackVersions.Container).GetBlobClient($"{stored.CurrentId}.json").UploadAsync(BinaryData.FromString(edited), overwrite: true);
        var reader = new PolicyPackVersions(Baltimore, storage);

        var changed = Assert.Throws<InvalidOperationException>(() => reader.Get(stored.CurrentId));
        var missing = Assert.Throws<InvalidOperationException>(() => reader.Get("sacramento-0000000000000000"));

        Assert.Contains("changed after it was stored", changed.Message, StringComparison.Ordinal);
        Assert.Contains("Restore the blob", missing.Message, StringComparison.Ordinal);
    }
}

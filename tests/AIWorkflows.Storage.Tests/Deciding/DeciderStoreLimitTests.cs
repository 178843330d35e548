using AIWorkflows.Storage.Tables;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Ledger;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Tests.Deciding;

/// <summary>Azure's limits, enforced by us because Azurite enforces none of them.</summary>
[Collection(UsesAzurite.Name)]
public sealed class DeciderStoreLimitTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = LedgerWorld.Start;

    [Fact]
    public async Task GivenCommandEmitting100Events_WhenHandled_Then101OperationsAreRefusedBeforeSending()
    {
        using var world = await WarmWorldAsync();
        var before = world.Counter.Snapshot();

        var error = await Assert.ThrowsAsync<TableLimitException>(() => world.Store.HandleAsync("acct", new Bulk(100, 10, Now), default));

        Assert.Contains("101 operations", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.Counter.Since(before).Total);
    }

    [Fact]
    public async Task GivenCommandEmittingOver4MiB_WhenHandled_ThenRefusedBeforeSending()
    {
        using var world = await WarmWorldAsync();
        var before = world.Counter.Snapshot();

        // ten events of 450,000 characters: each entity is under 1 MiB, together over 4 MiB
        var error = await Assert.ThrowsAsync<TableLimitException>(() => world.Store.HandleAsync("acct", new Bulk(10, 450_000, Now), default));

        Assert.Contains("4 MiB", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.Counter.Since(before).Total);
    }

    [Fact]
    public async Task GivenStateOver1MiB_WhenHandled_ThenRefusedBeforeSending()
    {
        using var world = await WarmWorldAsync();
        var before = world.Counter.Snapshot();

        var error = await Assert.ThrowsAsync<TableLimitException>(() => world.Store.HandleAsync("acct", new Annotate(new string('n', 600_000), Now), default));

        Assert.Contains("1 MiB", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, world.Counter.Since(before).Total);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("")]
    public async Task GivenIllegalInstanceId_WhenHandledOrLoaded_ThenRefusedBeforeSending(string instanceId)
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var before = world.Counter.Snapshot();

        await Assert.ThrowsAsync<ArgumentException>(() => world.Store.HandleAsync(instanceId, new Deposit(1, Now), default));
        await Assert.ThrowsAsync<ArgumentException>(() => world.Store.LoadAsync(instanceId, includeEvents: true, default));

        Assert.Equal(0, world.Counter.Since(before).Total);
    }

    [Fact]
    public async Task GivenStateOver64KiB_WhenHandledAndLoaded_ThenItIsSplitAcrossPropertiesAndRoundTrips()
    {
        using var world = await LedgerWorld.CreateAsync(azurite);
        var note = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i:D5}é😀")); // 160,000 chars with surrogate pairs

        await world.Store.HandleAsync("acct", new Annotate(note, Now), default);
        using var reader = world.NewProcess(new() { CacheStates = false });
        var snapshot = await reader.Store.LoadAsync("acct", includeEvents: true, default);

        Assert.NotNull(snapshot);
        Assert.Equal(note, snapshot.State.Note);
        Assert.Equal(new Annotated(note), Assert.Single(snapshot.Events).Event);
        var row = (await world.WorkflowsTable.GetEntityAsync<TableEntity>("acct", "state")).Value;
        Assert.True(row.GetInt32("StateParts") >= 3);
        Assert.All(row.Keys.Where(k => k.StartsWith("State", StringComparison.Ordinal)).Select(k => row[k]).OfType<string>(),
            part => Assert.True(part.Length <= 32 * 1024));
    }

    [Fact]
    public void GivenTransactionAcrossPartitions_WhenValidated_ThenRefused()
    {
        TableTransactionAction Add(string pk) => new(TableTransactionActionType.Add, new TableEntity(pk, "r"));

        var error = Assert.Throws<TableLimitException>(() => TableTransactionGuard.Validate("t", [Add("a"), Add("b")]));

        Assert.Contains("spans partitions", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A world whose store has "acct" cached, so a refused command sends nothing at all.</summary>
    private async Task<LedgerWorld> WarmWorldAsync()
    {
        var world = await LedgerWorld.CreateAsync(azurite);
        await world.Store.HandleAsync("acct", new Deposit(1, Now), default);
        return world;
    }
}

using System.Reflection;
using AIWorkflows.Storage.Records;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.Storage.Tests.Records;

[Collection(UsesAzurite.Name)]
public class RecordAccessLogTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T = new(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);

    private async Task<(StorageClients, RecordAccessLog)> NewLogAsync()
    {
        var clients = new StorageClients(azurite.NewStorageOptions(), new AIWorkflows.Storage.Counting.StorageTransactionCounter());
        RecordStorage.Register(clients);
        await clients.EnsureCreatedAsync(default);
        return (clients, new RecordAccessLog(clients.Table(RecordStorage.AccessLogTable)));
    }

    private static AccessLogEntry Entry(DateTimeOffset at, string action, string? recordId = "tool-a.incident-1") =>
        new(at, "rita@city.example", ["records_officer"], action, "allowed", recordId, "tool-a", $"{action} at {at:O}", new string('b', 64), "trace-1");

    [Fact]
    public async Task Entries_AcrossMonths_AreReadNewestFirst_EachAppendIsOneTransaction()
    {
        var (clients, log) = await NewLogAsync();
        var before = clients.Counter.Snapshot();
        await log.AppendAsync(Entry(T, "download"), default);
        await log.AppendAsync(Entry(T.AddMinutes(2), "search", null), default); // December
        await log.AppendAsync(Entry(T, "download"), default); // same instant: still its own row
        Assert.Equal(3, clients.Counter.Since(before).Total);

        var all = await log.ReadAsync(T.AddDays(-1), T.AddDays(1), null, 100, default);

        Assert.Equal(["search", "download", "download"], all.Select(e => e.Action));
        Assert.Equal(3, all.Select(e => e.Id).Distinct().Count());
        Assert.Equal(["records_officer"], all[0].Roles);
        Assert.Equal(2, (await log.ReadAsync(T.AddDays(-1), T.AddDays(1), "tool-a.incident-1", 100, default)).Count);
        Assert.Single(await log.ReadAsync(T.AddDays(-1), T.AddDays(1), null, 1, default));
    }

    [Fact]
    public void TheLog_HasNoWayToChangeOrRemoveAnEntry()
    {
        var methods = typeof(RecordAccessLog).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName).Select(m => m.Name).ToList();

        Assert.DoesNotContain(methods, m => m.Contains("Update", StringComparison.Ordinal) || m.Contains("Delete", StringComparison.Ordinal)
            || m.Contains("Upsert", StringComparison.Ordinal) || m.Contains("Remove", StringComparison.Ordinal));
        Assert.Contains("AppendAsync", methods);
    }
}

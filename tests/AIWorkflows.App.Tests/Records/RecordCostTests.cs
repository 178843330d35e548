using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Testing;
using Xunit.Abstractions;

namespace AIWorkflows.App.Tests.Records;

/// <summary>What each records operation costs in storage transactions (billed requests), pinned so it cannot creep.</summary>
[Collection(OnAzurite.Name)]
public class RecordCostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task EachRecordsOperation_CostsAFewTransactions()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.RecordsOfficer();
        await app.KeepIncidentAsync(name: "incident-0"); // warm-up: clients, caches

        async Task<StorageTransactionSnapshot> Measure(string what, Func<Task> act)
        {
            var before = app.Counter.Snapshot();
            await act();
            var cost = app.Counter.Since(before);
            output.WriteLine($"{what}: {cost}");
            return cost;
        }

        var keep = await Measure("keep a record (1 file)", () => app.KeepIncidentAsync(name: "incident-1"));
        var record = "tool-casenotes.incident-1";
        var download = await Measure("download", () => http.GetByteArrayAsync(RecordsClient.Path(record, "/content")));
        var search = await Measure("search a tool", () => http.GetStringAsync("/api/records?toolId=tool-casenotes"));
        var hold = await Measure("place a hold", () => http.PostJsonAsync(RecordsClient.Path(record, "/holds"), new { reason = "Litigation" }));
        app.Clock.Advance(TimeSpan.FromDays(365 * 5 + 2));
        var sweep = await Measure("sweep: 2 retention ends (1 review opened + mail, 1 deferred)", () => http.SweepAsync());
        var dispose = await Measure("dispose (certificate kept, content deleted)", () => http.PostJsonAsync(RecordsClient.Path("tool-casenotes.incident-0", "/disposition"), new { decision = "dispose", reason = "Complete" }));

        // The app's own requests; the Durable engine's (its queues, history and instances tables) are the benchmark's.
        // Keep: blob upload (only if new), a read that finds no state, the state and event rows in one batch, the index
        // row, the wake row; then the tool read. No orchestration starts: a new record sleeps until its end nears.
        Assert.InRange(keep.Total, 1, 6);
        // Download: state read, blob read, access log insert.
        Assert.Equal(3, download.Total);
        // Search: one index query (one page here), access log insert.
        Assert.Equal(2, search.Total);
        // A hold wakes the sleeping record: state reads, its step (state and events, index, wake row), and the
        // gateway's reads of the answer while it waits. That polling (backing off from 250 ms) grows with how
        // long the engine takes, so on a loaded machine it is most of the count: the bounds leave room for it.
        Assert.InRange(hold.Total, 1, 20);
        Assert.InRange(dispose.Total, 1, 40);
        // Includes the dev outbox (its table created on first use, the mail stored), one wake-index query per
        // sleeping workflow, and both records woken (state read, step, wake row removed).
        Assert.InRange(sweep.Total, 1, 45);
    }
}

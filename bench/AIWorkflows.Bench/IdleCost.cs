using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.LocalHost.Durable;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 2: what the app costs while nothing happens, with the 3,611-row federal inventory
/// imported (thousands of tools, each asleep until its re-assessment weeks away): the wake trigger's
/// query at its schedule over fake-clock time, plus the Durable engine's own polling over real time
/// with the production host.json settings (4 partitions, queues polled at most every 5 s).
/// </summary>
internal static class IdleCost
{
    // The first engine's idle cost as this benchmark last measured it (its sweep's cursor reads and writes).
    private const double FirstEngine = 0.22;

    private static readonly TimeSpan EngineWindow = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        // The engine as host.json configures it in Azure, so its polling is what a city would pay for.
        await using var bench = await BenchApp.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["LocalDurable:PartitionCount"] = "4",
            ["LocalDurable:MaxQueuePollingInterval"] = "00:00:05",
        });
        var (app, http) = (bench.App, bench.Http);
        await http.SweepAsync(); // a process's first sweep (the engine's instance query warms up)

        var file = await FederalCsvAsync();
        var before = app.Counter.Snapshot();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inventory/import")
        {
            Content = new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
            Headers = { { "X-Dev-User", "aio@cityofsacramento.example; ai_officer" } },
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // The import of thousands of tools can take minutes on a busy machine.
        using var patient = app.Http();
        patient.Timeout = TimeSpan.FromMinutes(10);
        using var response = await patient.SendAsync(request);
        var imported = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {imported}");
        var importCost = app.Counter.Since(before);
        var importTook = clock.Elapsed;
        await http.SweepAsync(); // effects of the import settle

        // Production: the Functions timer trigger, every 5 minutes; outside Azure: the in-process scheduler, every minute.
        var rows = new List<string[]>();
        double? production = null;
        foreach (var (label, interval, span) in new[]
        {
            ("Functions schedule `0 */5 * * * *` (production)", TimeSpan.FromMinutes(5), TimeSpan.FromHours(3)),
        })
        {
            var from = app.Counter.Snapshot();
            var sweeps = 0;
            var delivered = 0;
            for (var t = TimeSpan.Zero; t < span; t += interval)
            {
                app.Clock.Advance(interval);
                delivered += (int)(await http.SweepAsync())["woken"]!;
                sweeps++;
            }
            var cost = app.Counter.Since(from);
            var perMinute = cost.Total / span.TotalMinutes;
            production ??= perMinute;
            rows.Add([label, $"{span.TotalHours:F0} h", $"{sweeps}", $"{delivered}", $"{cost.Total}", $"{perMinute:F2}", Report.Breakdown(cost)]);
        }

        // The engine polls on its own, by real time: its control queues (one per partition), its work-item queue, and its partition leases.
        var durable = app.Services.GetRequiredKeyedService<StorageTransactionCounter>(LocalDurableOptions.CounterKey);
        await Task.Delay(TimeSpan.FromSeconds(15)); // the pollers back off to their maximum interval
        var engineFrom = durable.Snapshot();
        await Task.Delay(EngineWindow);
        var engine = durable.Since(engineFrom);
        var enginePerMinute = engine.Total / EngineWindow.TotalMinutes;
        rows.Add(["Durable engine idle (4 partitions, `maxQueuePollingInterval` 5 s), real time", $"{EngineWindow.TotalSeconds:F0} s", "—", "—",
            $"{engine.Total}", $"{enginePerMinute:F2}", Report.Breakdown(engine)]);
        var total = production!.Value + enginePerMinute;

        report.Target("2. idle cost", $"transactions per minute, {imported["accepted"]} tools registered, nothing due: app + Durable engine",
            $"{total:F2} ({production:F2} + {enginePerMinute:F2}; first engine: {FirstEngine})", "see issue 18", null);
        report.Target("2. idle cost", "import of the federal inventory", $"{importTook.TotalSeconds:F0} s", "seconds, not minutes", importTook < TimeSpan.FromMinutes(1));
        report.Section("2. Idle cost",
            $"The federal inventory (`individual_use_cases.csv.gz`, {imported["rows"]} rows) imported through `POST /api/inventory/import`: "
            + $"{imported["accepted"]} tools registered in {importTook.TotalSeconds:F0} s for {importCost.Total} transactions "
            + $"({importCost.Total / Math.Max(1.0, (int)imported["accepted"]!):F1} per tool). Each has its first re-assessment weeks away, so nothing is due. "
            + "No orchestration runs: every tool was registered asleep. Method: the app's fake clock is advanced by the wake trigger's interval and "
            + "the dev sweep is run (the wake query of each sleeping workflow, as `WakeSleepingWorkflows` makes it), every app storage request counted; "
            + "then the Durable engine's own requests are counted over a minute of real time with nothing to do.\n\n"
            + Report.Table(["what", "over", "sweeps", "instances woken", "transactions", "per minute", "what it touched"], rows)
            + $"\nThe first engine cost {FirstEngine} per minute idle (its sweep's cursor), and nothing else: it had no engine polling.\n");
    }

    private static async Task<byte[]> FederalCsvAsync()
    {
        var path = Path.Combine(Machine.RepoRoot(), "tests", "AIWorkflows.App.Tests", "Inventory", "Data", "individual_use_cases.csv.gz");
        await using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        await gz.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}

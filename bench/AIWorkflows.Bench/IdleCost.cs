using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Fixtures;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 2: what the app costs while nothing happens, with the 3,611-row federal inventory
/// imported (thousands of tools, each with a re-assessment timer weeks away). The sweep is the only
/// thing that touches storage unprompted; it runs at its schedules over fake-clock time.
/// </summary>
internal static class IdleCost
{
    public const double Target = 2;

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        await using var bench = await BenchApp.StartAsync(azurite);
        var (app, http) = (bench.App, bench.Http);
        await http.SweepAsync(); // the one-time work of a process's first sweep (cursor, recovery scan)

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
            ("in-process scheduler, `Sweep:Interval` 00:01:00 (local)", TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)),
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

        report.Target("2. idle cost", $"transactions per minute, {imported["accepted"]} tools registered, nothing due (production schedule)", $"{production:F2}", $"≤ {Target}", production <= Target);
        report.Section("2. Idle cost",
            $"The federal inventory (`individual_use_cases.csv.gz`, {imported["rows"]} rows) imported through `POST /api/inventory/import`: "
            + $"{imported["accepted"]} tools registered in {importTook.TotalSeconds:F0} s for {importCost.Total} transactions "
            + $"({importCost.Total / Math.Max(1.0, (int)imported["accepted"]!):F1} per tool). Each has its first re-assessment weeks away, so nothing is due. "
            + "Method: the app's fake clock is advanced by the sweep interval and the sweep is run (the same `SweepRunner` the scheduler and the Functions "
            + "timer call), over simulated hours that cross hour boundaries (the sweep cursor moves once an hour); every storage request counted.\n\n"
            + Report.Table(["schedule", "simulated", "sweeps", "timers delivered", "transactions", "per minute", "what"], rows));
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

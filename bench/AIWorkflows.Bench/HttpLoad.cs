using System.Net;
using System.Net.Http.Json;
using AIWorkflows.Testing;
using AIWorkflows.Testing.Mail;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 4: submissions per second and latency at 1, 4, 16 and 64 concurrent clients against the
/// app run as its own process (Production settings, mail through SendGrid to a local listener), side
/// by side with the same storage calls made directly with the SDK from this process, in the same run.
/// </summary>
internal static class HttpLoad
{
    public static readonly int[] Clients = [1, 4, 16, 64];
    public const int MaxPerLevel = 400;
    public static readonly TimeSpan MaxTimePerLevel = TimeSpan.FromSeconds(8);

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        await using var sendGrid = await SendGridListener.StartAsync();
        await using var app = await AppProcess.StartAsync(Prepare.PublishedApp, BenchProcess.ProductEnvironment(azurite.ConnectionString, sendGrid.BaseUrl));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = app.BaseUrl };
        http.DefaultRequestHeaders.Add(BenchProcess.StaffPrincipal.Name, BenchProcess.StaffPrincipal.Value);
        var raw = await RawSubmission.CreateAsync(azurite);

        // Warm-up of both, not measured: connections, tables, and the JIT's second tier (hot methods are compiled
        // again, optimized, in the background; until that settles, the app spends several times the CPU per request).
        // 350 were not enough: the first level (1 client) still spent twice the CPU per submission that a long-warmed app does.
        await LoadRunner.RunAsync(4, 1000, TimeSpan.FromSeconds(30), _ => SubmitAsync(http));
        await LoadRunner.RunAsync(1, 200, TimeSpan.FromSeconds(10), _ => SubmitAsync(http));
        await LoadRunner.RunAsync(4, 300, TimeSpan.FromSeconds(30), raw.RunAsync);

        var rows = new List<string[]>();
        LoadRunner.Result? app16 = null, raw16 = null;
        double? ratio16 = null, worst = null;
        var worstAt = 0;
        foreach (var clients in Clients)
        {
            var cpuBefore = app.CpuMs();
            var a = await LoadRunner.RunAsync(clients, MaxPerLevel, MaxTimePerLevel, _ => SubmitAsync(http));
            var cpuPerSubmission = (app.CpuMs() - cpuBefore) / Math.Max(1, a.Count);
            var r = await LoadRunner.RunAsync(clients, MaxPerLevel, MaxTimePerLevel, raw.RunAsync);
            var ratio = a.PerSecond / r.PerSecond;
            if (ratio < (worst ?? double.MaxValue)) (worst, worstAt) = (ratio, clients);
            if (clients == 16) (app16, raw16, ratio16) = (a, r, ratio);
            rows.Add([$"{clients}", $"{a.Count}", $"{a.PerSecond:F1}", $"{a.P50Ms:F1}", $"{a.P99Ms:F1}", $"{a.Errors}",
                $"{cpuPerSubmission:F1}", $"{r.PerSecond:F1}", $"{r.P50Ms:F1}", $"{r.P99Ms:F1}", $"**{ratio:F2}**"]);
            Console.WriteLine($"  {clients} clients: app {a.PerSecond:F1}/s p99 {a.P99Ms:F0} ms, raw {r.PerSecond:F1}/s");
        }

        report.Target("4. HTTP load", "app ÷ raw storage throughput (worst level; 16 clients)", $"{worst:F2} at {worstAt} client{(worstAt == 1 ? "" : "s")}; {ratio16:F2}", "≥ 0.7", worst >= 0.7);
        report.Target("4. HTTP load", "p99 at 16 clients (app)", $"{app16!.P99Ms:F0} ms ({app16.PerSecond:F0}/s)", "< 100 ms", app16.P99Ms < 100);
        report.Section("4. HTTP load",
            "Run only when named (`bench/run http`): its yardstick was made for the first engine, and on Durable it no longer compares like with like. "
            + $"`POST /api/requests` (a high-risk request: risk assessment, the instance started and its first step recorded, mail to the requester and the director "
            + "through SendGrid to a local listener, the submission record) against the app in its own process (published as deployed, ReadyToRun; Production "
            + $"settings, loopback), up to {MaxPerLevel} submissions or {MaxTimePerLevel.TotalSeconds:F0} s per level. **Raw** makes the {RawSubmission.Transactions} "
            + "storage requests a submission made on the first engine (its commit batch with outbox rows, the timer batch, the record blob, its index upsert, "
            + "its commit batch, the tool read and the outbox delete, with the same row sizes and the same overlap) straight through the SDK from the "
            + "bench process, at the same concurrency, in the same run. On Durable a submission also starts an orchestration and waits for its first step "
            + "(benchmark 1's submit row counts its requests), so the ratio below now measures the engine's cost as much as the app's. Client, app, Azurite "
            + "and the mail listener share the machine's cores.\n\n"
            + Report.Table(["clients", "submissions", "app /s", "app p50 ms", "app p99 ms", "errors", "app CPU ms per submission", "raw /s", "raw p50 ms", "raw p99 ms", "app ÷ raw"], rows)
            + "\nBefore the levels, 1,000 submissions from 4 clients and 200 from 1 warm the app up, until the JIT's optimized second tier has replaced "
            + "the ReadyToRun code on the hot paths.\n"
            // Little's law: with 16 clients always waiting, the mean latency is 16 ÷ throughput, whoever serves them.
            + $"\nThe p99 target at 16 clients: with 16 requests always in flight the mean latency is 16 ÷ throughput, so staying under 100 ms "
            + $"needs more than 160 submissions per second; the same storage calls made directly reach {raw16!.PerSecond:F0}/s here "
            + $"(mean {16000 / raw16.PerSecond:F0} ms, p99 {raw16.P99Ms:F0} ms).\n");
    }

    private static async Task<bool> SubmitAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/requests", AppClient.HighRiskRequest());
        return response.StatusCode == HttpStatusCode.Created;
    }
}

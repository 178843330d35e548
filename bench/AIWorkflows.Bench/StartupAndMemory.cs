using System.Net;
using System.Net.Http.Json;
using AIWorkflows.Testing;
using AIWorkflows.Testing.Mail;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 5 (issue 18's sixth measure): the local host's start-up (process start to the first 200 on GET /)
/// and resident memory idle and after 10,000 submissions, side by side with a bare ASP.NET Core app
/// (bench/BareApp) built in the same run; and the Functions publish output Azure receives.
/// </summary>
internal static class StartupAndMemory
{
    public const int Starts = 3;

    // Keeps the whole bench within 10 minutes on a machine too slow for 10,000 (each submission starts a workflow).
    private static readonly TimeSpan LoadCap = TimeSpan.FromSeconds(75);
    // BENCH_SUBMISSIONS shortens a trial run; the results table is made with the full 10,000.
    public static readonly int Submissions = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SUBMISSIONS"), out var n) ? n : 10_000;

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        await using var sendGrid = await SendGridListener.StartAsync();
        var env = BenchProcess.ProductEnvironment(azurite.ConnectionString, sendGrid.BaseUrl);
        var bareEnv = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" };
        var workstation = new Dictionary<string, string>(env) { ["DOTNET_gcServer"] = "0" };

        // One start of each first, not measured: the app's first start creates its tables; all warm the file cache.
        foreach (var (dll, e) in new[] { (Prepare.PublishedApp, env), (Prepare.PublishedBare, bareEnv), (BenchProcess.AppDll, env) })
            await (await AppProcess.StartAsync(dll, e)).DisposeAsync();
        var (appStarts, bareStarts, jitStarts, appIdle, bareIdle, jitIdle, wsIdle) =
            (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        var cpu = new Dictionary<List<double>, List<double>> { [bareStarts] = [], [appStarts] = [], [jitStarts] = [] };
        // Interleaved, so a burst of noise on the machine falls on all three alike.
        for (var i = 0; i < Starts; i++)
        {
            foreach (var (dll, e, starts, idles) in new[]
            {
                (Prepare.PublishedBare, bareEnv, bareStarts, bareIdle), (Prepare.PublishedApp, env, appStarts, appIdle), (BenchProcess.AppDll, env, jitStarts, jitIdle),
            })
            {
                await using var process = await AppProcess.StartAsync(dll, e);
                starts.Add(process.StartUp.TotalMilliseconds);
                cpu[starts].Add(process.CpuMs());
                await Task.Delay(2000);
                idles.Add(process.RssMiB());
            }
        }
        await using (var ws = await AppProcess.StartAsync(Prepare.PublishedApp, workstation))
        {
            await Task.Delay(2000);
            wsIdle.Add(ws.RssMiB());
        }

        // Memory under use: 10,000 submissions from 16 clients (or as many as the time cap allows), then idle again.
        var growth = new List<string>();
        double after, afterIdle;
        LoadRunner.Result load;
        await using (var app = await AppProcess.StartAsync(Prepare.PublishedApp, env))
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.BaseUrl };
            http.DefaultRequestHeaders.Add(BenchProcess.StaffPrincipal.Name, BenchProcess.StaffPrincipal.Value);
            load = await LoadRunner.RunAsync(16, Submissions, LoadCap, async _ =>
            {
                using var r = await http.PostAsJsonAsync("/api/requests", AppClient.HighRiskRequest());
                return r.StatusCode == HttpStatusCode.Created;
            }, progressEvery: 1000, onProgress: done =>
            {
                var rss = app.RssMiB();
                lock (growth) growth.Add($"{done:N0}: {rss:F0}");
                return $"app {rss:F0} MiB";
            });
            after = app.RssMiB();
            await Task.Delay(5000);
            afterIdle = app.RssMiB();
        }

        var packLoad = await PackLoadAsync();
        var published = PublishOutput.Read(Prepare.PublishedFunctions);
        report.Figure("publish_mib", published.SizeMiB);
        report.Figure("startup_ratio", Median(appStarts) / Median(bareStarts));
        var (appStart, bareStart, jitStart) = (Median(appStarts), Median(bareStarts), Median(jitStarts));
        var ratio = appStart / bareStart;
        var idle = Median(appIdle);
        report.Target("5. start-up and memory", "start-up to first 200, app ÷ bare (median of 3)", $"{ratio:F2} ({appStart:F0} ms vs {bareStart:F0} ms; JIT only: {jitStart / bareStart:F2})", "≤ 1.5", ratio <= 1.5);
        report.Target("5. start-up and memory", "resident memory idle (app; bare)", $"{idle:F0} MiB; {Median(bareIdle):F0} MiB", "< 150 MB", idle < 150);
        report.Target("5. start-up and memory", $"resident memory after {load.Count:N0} submissions (app)", $"{after:F0} MiB", "—", null);
        report.Target("5. start-up and memory", "Functions publish output (azd's `dotnet publish`)",
            $"{published.SizeMiB:F0} MiB, {published.ReadyToRun} of {published.Assemblies} assemblies ReadyToRun (the app's own: {(published.AppReadyToRun ? "yes" : "no")}), {published.Functions} functions", "—", null);
        report.Section("5. Start-up and memory",
            "The local host (the Functions app's classes in one ASP.NET Core process, as `./run` serves it) and the bare app are published in this run "
            + "the way the Functions app is deployed (`dotnet publish -c Release -r linux-x64 -p:PublishReadyToRun=true`), and started as `dotnet <app>.dll --urls http://127.0.0.1:<free port>` (Production environment); the third row is "
            + "the app's plain Release build (every method JIT-compiled on first use), as it started before ReadyToRun; "
            + "start-up is Process.Start to the first 200 on `GET /` (polled every 5 ms), resident memory is VmRSS from /proc, 2 s after start. "
            + "The app also reaches storage at start-up (it creates its tables if missing: one request each) and starts the Durable engine.\n\n"
            + Report.Table(["", "start-up ms (each)", "median", "CPU ms to first 200 (median)", "idle RSS MiB (each)"], new[]
            {
                Row("bare ASP.NET Core (bench/BareApp), ReadyToRun", bareStarts, cpu[bareStarts], bareIdle),
                Row("local host (AIWorkflows.Functions), ReadyToRun", appStarts, cpu[appStarts], appIdle),
                Row("local host, JIT only (the Release build)", jitStarts, cpu[jitStarts], jitIdle),
                ["local host, ReadyToRun, `DOTNET_gcServer=0`", "", "", "", string.Join(", ", wsIdle.Select(s => $"{s:F0}"))],
            })
            + $"\nThe Functions publish output, as `azd deploy` makes it (`dotnet publish src/AIWorkflows.Functions -c Release`; the project publishes for linux-x64 "
            + $"ReadyToRun): {published.SizeMiB:F1} MiB in {published.Files} files; {published.ReadyToRun} of its {published.Assemblies} managed assemblies carry ReadyToRun code "
            + $"({published.ReadyToRunMiB:F1} MiB), `AIWorkflows.Functions.dll` among them: {(published.AppReadyToRun ? "yes" : "**no**")}; `functions.metadata` declares {published.Functions} functions.\n"
            + "\nWhat start-up costs beyond the bare app (CPU time to the first 200 is steadier than wall time on a shared machine): the local host reads every "
            + "function's attributes and maps its HTTP triggers, builds the dependency graph of the workflows, loads and schema-validates the policy pack "
            + $"({packLoad}; on a worker thread while the host is built, `PolicyPackPreload`), checks storage and creates the tables and containers that are "
            + "missing (so a misconfigured connection fails start-up with a clear message), and starts the Durable engine: the backend creates its queues and "
            + "tables if missing, the in-process gRPC sidecar listens, the worker connects. The Functions host in Azure does the engine's part itself, "
            + "so this figure is the local host's, not a cold start's in Azure.\n"
            + $"\nAfter {load.Count:N0} submissions ({load.PerSecond:F0}/s from 16 clients, {load.Errors} errors): **{after:F0} MiB**, {afterIdle:F0} MiB after 5 s idle. "
            + $"Resident memory by submissions so far (MiB): {string.Join("; ", growth)}. "
            + "The benchmarks' Azurite is started with `bench/azurite-key-lookup.js` preloaded: Azurite finds an entity by narrowing on its RowKey index and "
            + "scanning the rest, and every workflow's state row has RowKey `state`, so each point operation scanned every workflow and the rate fell from "
            + "80/s to 16/s by 6,000 submissions (Azurite's one Node thread at 100%, the app at a third of a core). The script narrows on whichever of the two "
            + "key indexes matches fewer rows, as Table Storage's (PartitionKey, RowKey) index does; every answer is the same."
            + (load.Count < Submissions
                ? $" The run stops at {LoadCap.TotalMinutes} minutes so that the whole bench stays within 10. BENCH_SUBMISSIONS sets another count.\n"
                : "\n"));
    }

    /// <summary>Starts the published app (and the bare app) under each "NAME=value,NAME=value" variant, interleaved, and prints median wall and CPU ms.</summary>
    public static async Task ProbeAsync(AzuriteFixture azurite, List<string> variants)
    {
        await using var sendGrid = await SendGridListener.StartAsync();
        var env = BenchProcess.ProductEnvironment(azurite.ConnectionString, sendGrid.BaseUrl);
        var runs = new[] { ("bare", Prepare.PublishedBare, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }) }
            .Concat(new[] { "" }.Concat(variants).Select(v => (v == "" ? "app" : v, Prepare.PublishedApp,
                new Dictionary<string, string>(env.Concat(v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(kv => kv.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], kv[1])))))))
            .ToList();
        await (await AppProcess.StartAsync(Prepare.PublishedApp, env)).DisposeAsync();
        var results = runs.ToDictionary(r => r.Item1, _ => (Wall: new List<double>(), Cpu: new List<double>()));
        for (var i = 0; i < 5; i++)
            foreach (var (name, dll, e) in runs)
            {
                await using var p = await AppProcess.StartAsync(dll, e);
                results[name].Wall.Add(p.StartUp.TotalMilliseconds);
                results[name].Cpu.Add(p.CpuMs());
            }
        foreach (var (name, (wall, cpu)) in results)
            Console.WriteLine($"{name}: wall {Median(wall):F0} ms ({string.Join(", ", wall.Select(w => $"{w:F0}"))}), cpu {Median(cpu):F0} ms");
    }

    /// <summary>The policy pack's load and JSON Schema validation (NJsonSchema, Newtonsoft) in a cold process: this bench run as a probe.</summary>
    private static async Task<string> PackLoadAsync()
    {
        var probe = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        probe.ArgumentList.Add(typeof(StartupAndMemory).Assembly.Location);
        probe.ArgumentList.Add("pack-load");
        using var process = System.Diagnostics.Process.Start(probe)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim().TrimEnd('.') + ", JIT-compiled";
    }

    private static string[] Row(string name, List<double> starts, List<double> cpu, List<double> idle) =>
        [name, string.Join(", ", starts.Select(s => $"{s:F0}")), $"{Median(starts):F0}", $"{Median(cpu):F0}", string.Join(", ", idle.Select(s => $"{s:F0}"))];

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

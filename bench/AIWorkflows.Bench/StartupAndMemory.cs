using System.Net;
using System.Net.Http.Json;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Mail;
using AIWorkflows.Storage.Tests.Fixtures;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 5: process start to the first 200 on GET /, and resident memory idle and after 10,000
/// submissions, side by side with a bare ASP.NET Core app (bench/BareApp) built in the same run.
/// </summary>
internal static class StartupAndMemory
{
    public const int Starts = 3;
    // BENCH_SUBMISSIONS shortens a trial run; the results table is made with the full 10,000.
    public static readonly int Submissions = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SUBMISSIONS"), out var n) ? n : 10_000;

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        await using var sendGrid = await SendGridListener.StartAsync();
        var env = AppProcess.ProductEnvironment(azurite.ConnectionString, sendGrid.BaseUrl);
        var bareEnv = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" };
        var workstation = new Dictionary<string, string>(env) { ["DOTNET_gcServer"] = "0" };

        // One start of each first, not measured: the app's first start creates its tables; both warm the file cache.
        await (await AppProcess.StartAsync(AppProcess.AppDll, env)).DisposeAsync();
        await (await AppProcess.StartAsync(AppProcess.BareDll, bareEnv)).DisposeAsync();
        var (appStarts, bareStarts, appIdle, bareIdle, wsIdle) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < Starts; i++)
        {
            await using (var bare = await AppProcess.StartAsync(AppProcess.BareDll, bareEnv))
            {
                bareStarts.Add(bare.StartUp.TotalMilliseconds);
                await Task.Delay(2000);
                bareIdle.Add(bare.RssMiB());
            }
            await using (var app = await AppProcess.StartAsync(AppProcess.AppDll, env))
            {
                appStarts.Add(app.StartUp.TotalMilliseconds);
                await Task.Delay(2000);
                appIdle.Add(app.RssMiB());
            }
        }
        await using (var ws = await AppProcess.StartAsync(AppProcess.AppDll, workstation))
        {
            await Task.Delay(2000);
            wsIdle.Add(ws.RssMiB());
        }

        // Memory under use: 10,000 submissions from 16 clients, then idle again.
        double after, afterIdle;
        LoadRunner.Result load;
        await using (var app = await AppProcess.StartAsync(AppProcess.AppDll, env))
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = app.BaseUrl };
            load = await LoadRunner.RunAsync(16, Submissions, TimeSpan.FromMinutes(5), async _ =>
            {
                using var r = await http.PostAsJsonAsync("/api/requests", AppClient.HighRiskRequest());
                return r.StatusCode == HttpStatusCode.Created;
            });
            after = app.RssMiB();
            await Task.Delay(5000);
            afterIdle = app.RssMiB();
        }

        var packLoad = await PackLoadAsync();
        var (appStart, bareStart) = (Median(appStarts), Median(bareStarts));
        var ratio = appStart / bareStart;
        var idle = Median(appIdle);
        report.Target("5. start-up and memory", "start-up to first 200, app ÷ bare (median of 3)", $"{ratio:F2} ({appStart:F0} ms vs {bareStart:F0} ms)", "≤ 1.5", ratio <= 1.5);
        report.Target("5. start-up and memory", "resident memory idle (app; bare)", $"{idle:F0} MiB; {Median(bareIdle):F0} MiB", "< 150 MB", idle < 150);
        report.Target("5. start-up and memory", $"resident memory after {load.Count:N0} submissions (app)", $"{after:F0} MiB", "—", null);
        report.Section("5. Start-up and memory",
            "Both apps are the Release builds of this run, started as `dotnet <app>.dll --urls http://127.0.0.1:<free port>` (Production environment); "
            + "start-up is Process.Start to the first 200 on `GET /` (polled every 5 ms), resident memory is VmRSS from /proc, 2 s after start. "
            + "The app also reaches storage at start-up (it creates its tables if missing: one request each).\n\n"
            + Report.Table(["", "start-up ms (each)", "median", "idle RSS MiB (each)"], new[]
            {
                new[] { "bare ASP.NET Core (bench/BareApp)", string.Join(", ", bareStarts.Select(s => $"{s:F0}")), $"{bareStart:F0}", string.Join(", ", bareIdle.Select(s => $"{s:F0}")) },
                ["AIWorkflows.App", string.Join(", ", appStarts.Select(s => $"{s:F0}")), $"{appStart:F0}", string.Join(", ", appIdle.Select(s => $"{s:F0}"))],
                ["AIWorkflows.App, `DOTNET_gcServer=0`", "", "", string.Join(", ", wsIdle.Select(s => $"{s:F0}"))],
            })
            + $"\nWhere the app's extra start-up goes: {packLoad} The rest is the first use of the Azure SDK clients (the start-up storage "
            + "check, now one listing of tables and one of containers), dependency injection of the workflows, and the first Razor page render, "
            + "all JIT-compiled on first use; ReadyToRun in the deployed package (`scripts/package.sh`) is what would take most of it away.\n"
            + $"\nAfter {load.Count:N0} submissions ({load.PerSecond:F0}/s from 16 clients, {load.Errors} errors): **{after:F0} MiB**, {afterIdle:F0} MiB after 5 s idle.\n");
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
        return output.Trim() + " (JSON Schema validation of the pack with NJsonSchema, JIT-compiled on first use).";
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}

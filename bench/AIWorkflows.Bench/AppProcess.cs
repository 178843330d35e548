using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using AIWorkflows.Testing;

namespace AIWorkflows.Bench;

/// <summary>
/// A built app (AIWorkflows.App or the bare app) run as its own process with <c>dotnet app.dll</c>, as
/// a host runs it: start-up is timed from Process.Start to the first 200 on GET /, memory read from /proc.
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, int port, TimeSpan startup)
    {
        _process = process;
        Port = port;
        StartUp = startup;
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public TimeSpan StartUp { get; }

    public static string AppDll => Path.Combine(Machine.RepoRoot(), "src", "AIWorkflows.LocalHost", "bin", "Release", "net10.0", "AIWorkflows.LocalHost.dll");

    public static string BareDll => Path.Combine(Machine.RepoRoot(), "bench", "BareApp", "bin", "Release", "net10.0", "BareApp.dll");

    /// <summary>
    /// The product as deployed: Production, mail through SendGrid (a local listener), storage at the bench's Azurite.
    /// BENCH_APP_ENV ("NAME=value,NAME=value") adds settings for an experiment, e.g. a runtime knob.
    /// </summary>
    public static Dictionary<string, string> ProductEnvironment(string connectionString, string sendGridUrl) => new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage__ConnectionString"] = connectionString,
        ["Storage__TablePrefix"] = "b" + Guid.NewGuid().ToString("N")[..12],
        ["Tokens__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["SendGrid__ApiKey"] = "SG.bench-key",
        ["SendGrid__FromEmail"] = "ai-governance@city.example",
        ["SendGrid__BaseUrl"] = sendGridUrl,
        ["Sweep__Scheduler"] = "false",
        // Requests are sent by signed-in staff: the load carries App Service Authentication's principal (StaffPrincipal).
        ["Auth__TrustEasyAuth"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
    }.Concat((Environment.GetEnvironmentVariable("BENCH_APP_ENV") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(kv => kv.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], kv[1]))).ToDictionary();

    /// <summary>The header App Service Authentication hands the app for a signed-in member of staff.</summary>
    public static (string Name, string Value) StaffPrincipal => ("X-MS-CLIENT-PRINCIPAL", ModeApp.EasyAuthPrincipal(AppClient.Staff));

    public static async Task<AppProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var port = FreePort();
        // From its own folder, as a host starts it: the content root (wwwroot, policy packs) is the working directory.
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        start.Environment["App__BaseUrl"] = $"http://127.0.0.1:{port}/";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} exited with {process.ExitCode}:\n{output}");
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{Path.GetFileName(dll)} gave no 200 on GET / within {clock.Elapsed.TotalSeconds:F0} s:\n{output}");
            }
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/");
                if (response.StatusCode == HttpStatusCode.OK) return new AppProcess(process, port, clock.Elapsed);
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(5);
        }
    }

    /// <summary>Resident set size (VmRSS) in MiB.</summary>
    public double RssMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Report.Inv) / 1024.0;
    }

    /// <summary>CPU time (user + system) the process has used, from /proc/&lt;pid&gt;/stat: steadier than wall time on a busy machine.</summary>
    public double CpuMs()
    {
        var fields = File.ReadAllText($"/proc/{_process.Id}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the command name: state is field 3, utime 14 and stime 15 (1-based), in clock ticks (100 per second on Linux).
        return (long.Parse(fields[11], Report.Inv) + long.Parse(fields[12], Report.Inv)) * 10.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

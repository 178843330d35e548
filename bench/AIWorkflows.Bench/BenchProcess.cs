using System.Security.Cryptography;
using AIWorkflows.Testing;

namespace AIWorkflows.Bench;

/// <summary>
/// What the start-up and HTTP benchmarks run as processes of their own (<see cref="AppProcess"/>): the app and
/// the bare app as built, the product's environment, and what /proc says of a running one.
/// </summary>
internal static class BenchProcess
{
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

    /// <summary>Resident set size (VmRSS) in MiB.</summary>
    public static double RssMiB(this AppProcess app)
    {
        var line = File.ReadLines($"/proc/{app.ProcessId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Report.Inv) / 1024.0;
    }

    /// <summary>CPU time (user + system) the process has used, from /proc/&lt;pid&gt;/stat: steadier than wall time on a busy machine.</summary>
    public static double CpuMs(this AppProcess app)
    {
        var fields = File.ReadAllText($"/proc/{app.ProcessId}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the command name: state is field 3, utime 14 and stime 15 (1-based), in clock ticks (100 per second on Linux).
        return (long.Parse(fields[11], Report.Inv) + long.Parse(fields[12], Report.Inv)) * 10.0;
    }
}

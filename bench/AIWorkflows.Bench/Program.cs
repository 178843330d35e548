using System.Diagnostics;
using System.Runtime.InteropServices;
using AIWorkflows.Bench;
using AIWorkflows.Testing;

// `bench/run [names...]` or `dotnet run -c Release --project bench/AIWorkflows.Bench -- [names...]` runs the
// named benchmarks (tx idle load startup by default; http by name), and writes bench/results/latest.md.
// Each prints its own table as it finishes.
var all = new[] { "tx", "idle", "load", "http", "startup" };
// Issue 18's six measures, within 10 minutes. `http` compares submissions with the first engine's storage calls
// made directly (its yardstick predates Durable), so it runs only when named.
var standard = new[] { "tx", "idle", "load", "startup" };
// A probe for start-up work: how long loading (and schema-validating) a policy pack takes in a cold process.
if (args.FirstOrDefault() == "pack-load")
{
    var watch = Stopwatch.StartNew();
    AIWorkflows.App.Policy.PolicyPackLoader.Load(Path.Combine(Machine.RepoRoot(), "workflows"), "sacramento");
    var cold = watch.Elapsed;
    watch.Restart();
    AIWorkflows.App.Policy.PolicyPackLoader.Load(Path.Combine(Machine.RepoRoot(), "workflows"), "sacramento");
    Console.WriteLine($"Policy pack load: {cold.TotalMilliseconds:F0} ms cold, {watch.Elapsed.TotalMilliseconds:F0} ms warm.");
    return 0;
}
// A probe for start-up settings: wall and CPU time to the first 200 of the published app under environment variants.
if (args.FirstOrDefault() == "startup-probe")
{
    await using var azurite = new BenchAzurite();
    await azurite.Fixture.InitializeAsync();
    await StartupAndMemory.ProbeAsync(azurite.Fixture, args.Skip(1).ToList());
    return 0;
}
var outArg = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
var chosen = args.Where(a => !a.StartsWith('-') && a != outArg).ToList();
if (chosen.Count == 0) chosen = [.. standard];
if (chosen.Except(all).ToList() is { Count: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(" ", all)}.");
    return 2;
}

// The app's content root (policy packs, pages): the test fixture finds it through its own assembly's
// manifest; from this assembly the factory needs to be told.
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_AIWORKFLOWS_LOCALHOST", Path.Combine(Machine.RepoRoot(), "src", "AIWorkflows.LocalHost"));
var total = Stopwatch.StartNew();
var timings = new List<string>();
await Prepare.AzuriteAsync();
if (chosen.Contains("startup") || chosen.Contains("http")) await Prepare.PublishAsync();
timings.Add($"preparing {total.Elapsed.TotalSeconds:F0} s");
var report = new Report();
var outPath = outArg ?? Path.Combine(Machine.RepoRoot(), "bench", "results", "latest.md");
var failed = 0;
foreach (var name in chosen)
{
    var clock = Stopwatch.StartNew();
    Console.WriteLine($"== {name} ...");
    // A fresh emulator per benchmark: one's rows do not slow another's queries.
    try
    {
        await using var azurite = new BenchAzurite();
        await azurite.Fixture.InitializeAsync();
        switch (name)
        {
            case "tx": await TransactionsPerWorkflow.RunAsync(azurite.Fixture, report); break;
            case "idle": await IdleCost.RunAsync(azurite.Fixture, report); break;
            case "load": await ApprovalLoad.RunAsync(azurite.Fixture, report); break;
            case "http": await HttpLoad.RunAsync(azurite.Fixture, report); break;
            case "startup": await StartupAndMemory.RunAsync(azurite.Fixture, report); break;
        }
    }
    catch (Exception e)
    {
        // One benchmark failing (a timeout on a crowded machine) does not lose the others' results.
        failed++;
        report.Target(name, "did not complete", $"{e.GetType().Name}: {e.Message.Split('\n')[0]}", "—", false);
        Console.Error.WriteLine(e);
    }
    timings.Add($"{name} {clock.Elapsed.TotalSeconds:F0} s");
    Console.WriteLine($"== {name} took {clock.Elapsed.TotalSeconds:F0} s");
    await WriteAsync();
}

Console.WriteLine($"\n## Summary\n\n{report.Summary()}\nWritten to {outPath}");
// A complete run to the usual place also updates the table in README, so the two never disagree.
if (outArg is null && standard.All(chosen.Contains) && failed == 0)
{
    var readme = Path.Combine(Machine.RepoRoot(), "README.md");
    var text = await File.ReadAllTextAsync(readme);
    const string start = "<!-- bench:summary -->", end = "<!-- /bench:summary -->";
    var (from, to) = (text.IndexOf(start, StringComparison.Ordinal), text.IndexOf(end, StringComparison.Ordinal));
    if (from >= 0 && to > from)
    {
        var block = $"{start}\n{Machine.Describe()}Benchmarks: {string.Join(", ", timings)}; {total.Elapsed.TotalMinutes:F1} min in all.\n\n{report.Summary()}";
        await File.WriteAllTextAsync(readme, text[..from] + block + text[to..]);
        Console.WriteLine("README.md's benchmark table updated.");
    }
}
return failed == 0 ? 0 : 1;

// Written after each benchmark, so a run cut short keeps what it measured.
async Task WriteAsync()
{
    var header = $"# Benchmark results\n\n{Machine.Describe()}\nBenchmarks: {string.Join(", ", timings)}; {total.Elapsed.TotalMinutes:F1} min in all.\n";
    Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
    await File.WriteAllTextAsync(outPath, report.Markdown(header));
    // The figures issue 18 names, beside the markdown (latest.md → latest.json).
    await File.WriteAllTextAsync(Path.ChangeExtension(outPath, ".json"), report.Json());
}

internal sealed class BenchAzurite : IAsyncDisposable
{
    public BenchAzurite() =>
        // The emulator finds an entity by its more selective key index, as Table Storage does (see the script).
        Fixture.ProcessEnvironment["NODE_OPTIONS"] = $"--require \"{Machine.KeyLookupScript}\"";

    public AzuriteFixture Fixture { get; } = new();

    public async ValueTask DisposeAsync() => await Fixture.DisposeAsync();
}

internal static class Machine
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : null;
        var mem = memKb is null ? "?" : $"{long.Parse(memKb, Report.Inv) / 1024 / 1024.0:F0} GiB";
        return $"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Environment.ProcessorCount} cores (`nproc`), {mem} memory, "
            + $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}; {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}. "
            + "Azurite (package-lock.json version) in memory on loopback, `--disableTelemetry`, with `bench/azurite-key-lookup.js` preloaded "
            + "(it finds an entity by the more selective of its two key indexes; see benchmark 5).\n";
    }

    /// <summary>Preloaded into each benchmark's Azurite: it finds an entity by the more selective key index, as Table Storage does.</summary>
    public static string KeyLookupScript => Path.Combine(RepoRoot(), "bench", "azurite-key-lookup.js");

    public static string RepoRoot() => AIWorkflows.Testing.Repository.Root();
}

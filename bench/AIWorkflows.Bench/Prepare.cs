using System.Diagnostics;

namespace AIWorkflows.Bench;

/// <summary>
/// What a fresh machine lacks before the benchmarks can run, done by the benchmark program itself so that
/// <c>dotnet run -c Release --project bench/AIWorkflows.Bench</c> works as well as <c>bench/run</c>:
/// Azurite from the npm lock file, and the app and the bare app published as they are deployed
/// (Release, linux-x64, ReadyToRun) for the start-up benchmark, and the Functions app as azd publishes it.
/// </summary>
internal static class Prepare
{
    /// <summary>Published builds live outside the projects' bin folders, so publishing never races a developer's build.</summary>
    public static string PublishRoot => Path.Combine(Machine.RepoRoot(), "artifacts", "bench");

    public static string PublishedApp => Path.Combine(PublishRoot, "app", "AIWorkflows.LocalHost.dll");

    public static string PublishedBare => Path.Combine(PublishRoot, "bare", "BareApp.dll");

    /// <summary>The Functions app as azd publishes it for Azure (its project sets linux-x64 and ReadyToRun when publishing).</summary>
    public static string PublishedFunctions => Path.Combine(PublishRoot, "functions");

    public static async Task AzuriteAsync()
    {
        var root = Machine.RepoRoot();
        if (File.Exists(Path.Combine(root, "node_modules", ".bin", "azurite"))) return;
        Console.WriteLine("Installing the storage emulator (Azurite) from package-lock.json...");
        await RunAsync(root, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
    }

    public static async Task PublishAsync()
    {
        var root = Machine.RepoRoot();
        Console.WriteLine("Publishing the app and the bare app as deployed (Release, linux-x64, ReadyToRun), and the Functions app as azd does...");
        var clock = Stopwatch.StartNew();
        foreach (var (project, folder) in new[] { ("src/AIWorkflows.LocalHost", "app"), ("bench/BareApp", "bare") })
        {
            await RunAsync(root, "dotnet", "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained", "false",
                "-p:PublishReadyToRun=true", "--artifacts-path", Path.Combine(PublishRoot, "obj"), "-o", Path.Combine(PublishRoot, folder),
                "-nologo", "-v", "quiet", "-clp:ErrorsOnly");
        }
        await RunAsync(root, "dotnet", "publish", "src/AIWorkflows.Functions", "-c", "Release", "--artifacts-path", Path.Combine(PublishRoot, "obj-functions"),
            "-o", PublishedFunctions, "-nologo", "-v", "quiet", "-clp:ErrorsOnly");
        Console.WriteLine($"Published in {clock.Elapsed.TotalSeconds:F0} s.");
    }

    private static async Task RunAsync(string directory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`{file} {string.Join(' ', arguments)}` failed with exit code {process.ExitCode}.");
    }
}

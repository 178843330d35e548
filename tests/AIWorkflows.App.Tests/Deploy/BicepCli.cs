using System.Text.Json.Nodes;

namespace AIWorkflows.App.Tests.Deploy;

/// <summary>
/// The Bicep CLI from the NuGet package this test project references (Azure.Bicep.CommandLine.linux-x64):
/// the version comes from this assembly's deps.json, the binary from the NuGet packages folder.
/// Always run with --no-restore: restoring is what reaches the network (the public module index is
/// fetched on every restore), and the infra references no registry modules, so there is nothing to restore.
/// </summary>
internal static class BicepCli
{
    private const string PackageId = "Azure.Bicep.CommandLine.linux-x64";

    private static readonly Lazy<string> Executable = new(Find);

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Executable.Value, arguments, TimeSpan.FromMinutes(2), new Dictionary<string, string>
        {
            // Bicep is a .NET program too: no ICU needed to compile templates.
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
        });

    /// <summary>Diagnostics at warning or error level in Bicep's output ("file(line,col) : Warning code: message").</summary>
    public static IReadOnlyList<string> Problems(ProcessResult result) =>
        [.. (result.Output + "\n" + result.Error).Split('\n').Where(l => l.Contains(" : Warning ", StringComparison.Ordinal) || l.Contains(" : Error ", StringComparison.Ordinal))];

    private static string Find()
    {
        var deps = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "AIWorkflows.App.Tests.deps.json")))!;
        var library = deps["libraries"]!.AsObject()
            .Single(l => l.Key.StartsWith(PackageId + "/", StringComparison.OrdinalIgnoreCase));
        var packagePath = (string?)library.Value!["path"] ?? library.Key.ToLowerInvariant();
        string?[] roots =
        [
            Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        ];
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
        {
            var candidate = Path.Combine(root!, packagePath, "tools", "bicep");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"No Bicep CLI for {library.Key} under {string.Join(" or ", roots.Where(r => r is not null))}; restore the test project.");
    }
}

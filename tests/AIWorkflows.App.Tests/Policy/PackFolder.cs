using System.Text.Json.Nodes;
using AIWorkflows.App.Policy;

namespace AIWorkflows.App.Tests.Policy;

/// <summary>
/// A throwaway copy of the repository's workflows/ folder (still named "workflows", so messages
/// read as they do in the app), where a test breaks one pack and loads it.
/// </summary>
internal sealed class PackFolder : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aiworkflows-policy-" + Guid.NewGuid().ToString("N"));

    public PackFolder()
    {
        Directory = Path.Combine(_root, "workflows");
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(RepoWorkflows, "*.json"))
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
    }

    public string Directory { get; }

    /// <summary>The repository's own workflows/ folder, found by walking up to AIWorkflows.sln.</summary>
    public static string RepoWorkflows { get; } = FindRepoWorkflows();

    public JsonObject Read(string packId) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, $"{packId}.json")))!.AsObject();

    public void Write(string packId, JsonNode pack) => WriteText(packId, pack.ToJsonString(new() { WriteIndented = true }));

    public void WriteText(string packId, string text) => File.WriteAllText(Path.Combine(Directory, $"{packId}.json"), text);

    /// <summary>Changes one pack and loads it; the test asserts on what the loader says.</summary>
    public PolicyPackException Break(string packId, Action<JsonObject> change)
    {
        var pack = Read(packId);
        change(pack);
        Write(packId, pack);
        return Assert.Throws<PolicyPackException>(() => PolicyPackLoader.Load(Directory, packId));
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(_root, recursive: true); }
        catch (IOException) { /* a temp folder left behind harms nobody */ }
    }

    private static string FindRepoWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AIWorkflows.sln"))) return Path.Combine(dir.FullName, "workflows");
        throw new InvalidOperationException("AIWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;

namespace AIWorkflows.Bench;

/// <summary>
/// What Azure receives (benchmark 5): the Functions publish output's size, how much of its managed code is
/// ReadyToRun (native code behind the CLI header's ManagedNativeHeader directory, so a cold start on a new
/// instance does not JIT it first), and the functions its <c>functions.metadata</c> declares.
/// </summary>
internal sealed record PublishOutput(double SizeMiB, int Files, int Assemblies, int ReadyToRun, double ReadyToRunMiB, bool AppReadyToRun, int Functions)
{
    public static PublishOutput Read(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        var managed = files.Where(f => f.Extension == ".dll").Select(f => (File: f, Kind: Kind(f.FullName))).Where(a => a.Kind is not null).ToList();
        var r2r = managed.Where(a => a.Kind == true).ToList();
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "functions.metadata")))!.AsArray();
        return new(files.Sum(f => f.Length) / 1048576.0, files.Count, managed.Count, r2r.Count, r2r.Sum(a => a.File.Length) / 1048576.0,
            Kind(Path.Combine(folder, "AIWorkflows.Functions.dll")) == true, metadata.Count);
    }

    // True: ReadyToRun; false: IL only; null: not a managed assembly (a native library).
    private static bool? Kind(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.PEHeaders.CorHeader is { } cor ? cor.ManagedNativeHeaderDirectory.Size != 0 : null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}

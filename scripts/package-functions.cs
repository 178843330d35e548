#:property PublishAot=false
// Called by scripts/package.sh: writes <Function>/function.json from the published app's own list of
// timers (AIWorkflows.App.Functions.FunctionsManifest over AppTimers), checks the layout, and zips the
// folder keeping Unix permissions, so the Functions host can start the custom handler binary.
// Usage: dotnet run --file scripts/package-functions.cs -- <package dir> <zip path>
using System.IO.Compression;
using System.Reflection;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: package-functions.cs <package dir> <zip path>");
    return 2;
}
if (OperatingSystem.IsWindows())
{
    // The zip must carry Unix permissions for the Linux host to start the app; build it on Linux, macOS or WSL.
    Console.Error.WriteLine("package: run on Linux, macOS or WSL");
    return 2;
}
var packageDir = Path.GetFullPath(args[0]);
var zipPath = Path.GetFullPath(args[1]);
var executable = Path.Combine(packageDir, "app", "AIWorkflows.App");

// The manifest comes from the binary being shipped, not from the source tree.
var app = Assembly.LoadFrom(Path.Combine(packageDir, "app", "AIWorkflows.App.dll"));
var manifest = app.GetType("AIWorkflows.App.Functions.FunctionsManifest", throwOnError: true)!;
var writeTo = manifest.GetMethod("WriteTo", [typeof(string)]) ?? throw new MissingMethodException("FunctionsManifest.WriteTo(string)");
var functions = (IReadOnlyList<string>)writeTo.Invoke(null, [packageDir])!;
Console.WriteLine($"Functions: {string.Join(", ", functions)}");

if (!File.Exists(Path.Combine(packageDir, "host.json")))
    return Fail("host.json is missing from the package");
if (!File.Exists(executable) || (File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) == 0)
    return Fail($"{executable} is missing or not executable; publish for linux-x64 with an app host");
var strays = Directory.EnumerateFiles(packageDir, "local.settings.json", SearchOption.AllDirectories).ToList();
if (strays.Count > 0)
    return Fail($"local settings must never ship: {string.Join(", ", strays)}");

File.Delete(zipPath);
using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
{
    foreach (var file in Directory.EnumerateFiles(packageDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
    {
        var name = Path.GetRelativePath(packageDir, file).Replace('\\', '/');
        var entry = zip.CreateEntryFromFile(file, name, CompressionLevel.Optimal);
        // Regular file (S_IFREG) plus its permission bits in the high word, as unzip and the Functions
        // deployment read them; stated here rather than left to the runtime's defaults.
        entry.ExternalAttributes = unchecked((int)((0x8000u | (uint)File.GetUnixFileMode(file)) << 16));
    }
}
Console.WriteLine($"Package: {zipPath} ({new FileInfo(zipPath).Length / (1024 * 1024)} MiB)");
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"package: {message}");
    return 1;
}

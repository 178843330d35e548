using System.IO.Compression;
using System.Text.Json.Nodes;
using AIWorkflows.App.Functions;

namespace AIWorkflows.App.Tests.Deploy;

/// <summary>
/// Runs scripts/package.sh for real (a self-contained linux-x64 publish) and reads the zip the way the
/// Functions host will: host.json at the root, one function.json per function, the app binary
/// executable, and nothing else.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageTests(PackageTests.Package package) : IClassFixture<PackageTests.Package>
{
    private const uint UserExecute = 0b001_000_000; // 0o100
    private const uint RegularFile = 0x8000; // S_IFREG

    private ZipArchive Zip => package.Zip;

    /// <summary>The package, built once for all the tests in this class.</summary>
    public sealed class Package : IAsyncLifetime
    {
        private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("aiw-package-");

        public ZipArchive Zip { get; private set; } = null!;

        public string Folder { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var dist = Path.Combine(_work.FullName, "dist");
            // The first run restores the linux-x64 runtime packs from NuGet; later runs find them cached.
            var run = await ProcessRunner.RunAsync("bash", [Repo.PathOf("scripts", "package.sh"), dist], TimeSpan.FromMinutes(10),
                new Dictionary<string, string> { ["PACKAGE_WORK_DIR"] = Path.Combine(_work.FullName, "build") });
            Assert.True(run.ExitCode == 0, run.ToString());
            Folder = Path.Combine(dist, "functionapp");
            Zip = ZipFile.OpenRead(Path.Combine(dist, "aiworkflows-functionapp.zip"));
        }

        public Task DisposeAsync()
        {
            Zip?.Dispose();
            _work.Delete(recursive: true);
            return Task.CompletedTask;
        }
    }

    private ZipArchiveEntry Entry(string name) =>
        Zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the package");

    private JsonNode Json(string name)
    {
        using var reader = new StreamReader(Entry(name).Open());
        return JsonNode.Parse(reader.ReadToEnd())!;
    }

    private static uint Mode(ZipArchiveEntry entry) => (uint)entry.ExternalAttributes >> 16;

    [Fact]
    public void ThePackage_HoldsHostJson_TheFunctions_AndTheApp_AndNothingElse()
    {
        var expectedFunctions = AppTimers.All.Select(t => t.FunctionName).Append(FunctionsManifest.HttpFunctionName).ToList();
        var top = Zip.Entries.Select(e => e.FullName.Split('/')[0]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(expectedFunctions.Append("host.json").Append("app").Order(StringComparer.Ordinal), top);
        foreach (var function in expectedFunctions)
            Assert.Equal([$"{function}/function.json"], Zip.Entries.Where(e => e.FullName.StartsWith(function + "/", StringComparison.Ordinal)).Select(e => e.FullName));
        Assert.DoesNotContain(Zip.Entries, e => e.Name.Equals("local.settings.json", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Zip.Entries, e => e.FullName.StartsWith('/') || e.FullName.Contains("..", StringComparison.Ordinal) || e.FullName.Contains('\\', StringComparison.Ordinal));
        // The zip is the deployable folder, file for file.
        var files = Directory.EnumerateFiles(package.Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(package.Folder, f).Replace('\\', '/'));
        Assert.Equal(files.Order(StringComparer.Ordinal), Zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HostJson_IsTheRepositorysOwn_AndItsExecutableIsInThePackage_Executable()
    {
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Repo.Read("host.json")), Json("host.json")));
        var executable = Entry((string)Json("host.json")["customHandler"]!["description"]!["defaultExecutablePath"]!);

        Assert.Equal(RegularFile, Mode(executable) & 0xF000);
        Assert.NotEqual(0u, Mode(executable) & UserExecute);
    }

    [Fact]
    public void TheApp_IsASelfContainedLinuxPublish_WithItsContent()
    {
        foreach (var name in new[]
        {
            "app/AIWorkflows.App.dll", "app/AIWorkflows.App.runtimeconfig.json", "app/appsettings.json",
            "app/workflows/sacramento.json", "app/workflows/policy.schema.json", "app/wwwroot/css/site.css",
            "app/libcoreclr.so", "app/libhostfxr.so", // the runtime ships inside: no .NET on the Functions image is needed
        })
            Entry(name);
        var runtimeConfig = Json("app/AIWorkflows.App.runtimeconfig.json")["runtimeOptions"]!;
        Assert.NotNull(runtimeConfig["includedFrameworks"]);
        Assert.All(Zip.Entries.Where(e => e.FullName.StartsWith("app/", StringComparison.Ordinal) && e.Name.EndsWith(".so", StringComparison.Ordinal)),
            e => Assert.Equal(RegularFile, Mode(e) & 0xF000));
    }

    [Theory]
    [InlineData("AIWorkflows.App.dll")]
    [InlineData("AIWorkflows.Storage.dll")]
    [InlineData("NJsonSchema.dll")]
    [InlineData("Azure.Data.Tables.dll")]
    public void TheAppAndItsPackages_AreReadyToRunCompiled_SoAColdStartDoesNotJitEverything(string assembly)
    {
        // A ReadyToRun image carries native code behind the CLI header's ManagedNativeHeader directory.
        using var file = File.OpenRead(Path.Combine(package.Folder, "app", assembly));
        using var pe = new System.Reflection.PortableExecutable.PEReader(file);

        Assert.NotEqual(0, pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
    }

    [Fact]
    public void EveryTimerInCode_HasAFunctionJson_WithAValidNcrontabSchedule()
    {
        foreach (var timer in AppTimers.All)
        {
            var binding = Assert.Single(Json($"{timer.FunctionName}/function.json")["bindings"]!.AsArray())!;
            Assert.Equal("timerTrigger", (string?)binding["type"]);
            Assert.Equal("in", (string?)binding["direction"]);
            var schedule = (string?)binding["schedule"];
            Assert.Equal(timer.Schedule, schedule);
            // Six fields, seconds first: what the Functions timer trigger takes.
            Assert.Matches(@"^\S+( \S+){5}$", schedule);
            Assert.True(Ncrontab.IsValid(schedule), Ncrontab.Validate(schedule));
        }
    }

    [Fact]
    public void TheHttpFunction_CatchesEveryPath_WithHttpInAndOutOnly()
    {
        var bindings = Json($"{FunctionsManifest.HttpFunctionName}/function.json")["bindings"]!.AsArray();

        Assert.Equal(2, bindings.Count);
        Assert.Equal("httpTrigger", (string?)bindings[0]!["type"]);
        Assert.Equal("{*path}", (string?)bindings[0]!["route"]);
        Assert.Superset(new HashSet<string> { "get", "head", "post", "put", "patch", "delete", "options" },
            bindings[0]!["methods"]!.AsArray().Select(m => (string)m!).ToHashSet());
        Assert.Equal("http", (string?)bindings[1]!["type"]);
        Assert.Equal("out", (string?)bindings[1]!["direction"]);
    }
}

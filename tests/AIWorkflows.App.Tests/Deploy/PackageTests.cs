using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.App.Tests.Deploy;

/// <summary>
/// Publishes the Functions app as azd does (<c>dotnet publish</c>) and reads the output the way the
/// Functions host will: functions.metadata naming every function, the worker's config, the
/// repository's host.json, and ReadyToRun code for a quick cold start.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PackageTests(PackageTests.Published published) : IClassFixture<PackageTests.Published>
{
    /// <summary>The publish output, made once for all the tests in this class.</summary>
    public sealed class Published : IAsyncLifetime
    {
        private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("aiw-publish-");

        public string Folder => Path.Combine(_work.FullName, "out");

        public async Task InitializeAsync()
        {
            // Build output stays out of the source tree's bin/obj, so publishing never races the test build.
            var run = await ProcessRunner.RunAsync("dotnet",
                ["publish", Repo.PathOf("src", "AIWorkflows.Functions", "AIWorkflows.Functions.csproj"), "-c", "Release", "-o", Folder,
                 "--artifacts-path", Path.Combine(_work.FullName, "build"), "-nologo", "-v", "quiet", "--disable-build-servers"],
                TimeSpan.FromMinutes(10));
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        public Task DisposeAsync()
        {
            _work.Delete(recursive: true);
            return Task.CompletedTask;
        }
    }

    private JsonNode Json(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(published.Folder, name)))!;

    [Fact]
    public void FunctionsMetadata_ListsEveryFunctionInTheAssembly_WithItsTrigger()
    {
        var inCode = typeof(AppServices).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        var metadata = Json("functions.metadata").AsArray();

        Assert.Equal(inCode, metadata.Select(f => (string)f!["name"]!).Order(StringComparer.Ordinal));
        Assert.All(metadata, f => Assert.Equal("dotnet-isolated", (string?)f!["language"]));
        Assert.All(metadata, f => Assert.Equal("AIWorkflows.Functions.dll", (string?)f!["scriptFile"]));
        // Its bindings: the timer, and the Durable client it wakes instances with.
        var bindings = metadata.Single(f => (string?)f!["name"] == "WakeSleepingWorkflows")!["bindings"]!.AsArray();
        Assert.Equal(["durableClient", "timerTrigger"], bindings.Select(b => (string?)b!["type"]).Order(StringComparer.Ordinal));
        var sweep = bindings.Single(b => (string?)b!["type"] == "timerTrigger")!;
        // Six fields, seconds first: what the Functions timer trigger takes.
        Assert.Matches(@"^\S+( \S+){5}$", (string?)sweep["schedule"]);
    }

    [Fact]
    public void TheWorkerConfig_HostJson_AndPolicyPacks_AreInTheOutput_AndNoLocalSettings()
    {
        var worker = Json("worker.config.json")["description"]!;
        Assert.Equal("dotnet-isolated", (string?)worker["language"]);
        Assert.Equal("AIWorkflows.Functions.dll", (string?)worker["defaultWorkerPath"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Repo.Read("host.json")), Json("host.json")));
        Assert.True(File.Exists(Path.Combine(published.Folder, "extensions.json")));
        foreach (var pack in new[] { "sacramento", "albuquerque", "baltimore", "policy.schema" })
            Assert.True(File.Exists(Path.Combine(published.Folder, "workflows", pack + ".json")), pack);
        Assert.Empty(Directory.EnumerateFiles(published.Folder, "local.settings.json", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("AIWorkflows.Functions.dll")]
    [InlineData("AIWorkflows.Storage.dll")]
    [InlineData("NJsonSchema.dll")]
    [InlineData("Azure.Data.Tables.dll")]
    public void TheAppAndItsPackages_AreReadyToRunCompiled_SoAColdStartDoesNotJitEverything(string assembly)
    {
        // A ReadyToRun image carries native code behind the CLI header's ManagedNativeHeader directory.
        using var file = File.OpenRead(Path.Combine(published.Folder, assembly));
        using var pe = new PEReader(file);

        Assert.NotEqual(0, pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
    }
}

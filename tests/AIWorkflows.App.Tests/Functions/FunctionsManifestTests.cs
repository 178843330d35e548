using System.Text.Json.Nodes;
using AIWorkflows.App.Functions;

namespace AIWorkflows.App.Tests.Functions;

/// <summary>The function.json files are generated from <see cref="AppTimers"/>: one HTTP catch-all, one function per timer.</summary>
public class FunctionsManifestTests
{
    [Fact]
    public void TheHttpFunction_IsACatchAllWithHttpInAndOutOnly_SoTheHostForwardsRequestsUnchanged()
    {
        var bindings = FunctionsManifest.HttpFunction()["bindings"]!.AsArray();

        Assert.Equal(2, bindings.Count);
        var trigger = bindings[0]!.AsObject();
        Assert.Equal("httpTrigger", (string?)trigger["type"]);
        Assert.Equal("in", (string?)trigger["direction"]);
        Assert.Equal("{*path}", (string?)trigger["route"]);
        Assert.Equal("anonymous", (string?)trigger["authLevel"]);
        Assert.Equal(["get", "head", "post", "put", "patch", "delete", "options"], trigger["methods"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(("http", "out"), ((string?)bindings[1]!["type"], (string?)bindings[1]!["direction"]));
    }

    [Fact]
    public void EveryTimer_BecomesATimerTriggerOnItsSchedule_NamedAsThePayloadKey()
    {
        var functions = FunctionsManifest.Functions(AppTimers.All);

        Assert.Equal(
            AppTimers.All.Select(t => t.FunctionName).Append(FunctionsManifest.HttpFunctionName).Order(StringComparer.Ordinal),
            functions.Keys.Order(StringComparer.Ordinal));
        foreach (var timer in AppTimers.All)
        {
            var binding = Assert.Single(functions[timer.FunctionName]["bindings"]!.AsArray())!.AsObject();
            Assert.Equal("timerTrigger", (string?)binding["type"]);
            Assert.Equal("in", (string?)binding["direction"]);
            Assert.Equal(FunctionsManifest.TimerBindingName, (string?)binding["name"]);
            Assert.Equal(timer.Schedule, (string?)binding["schedule"]);
            Assert.True(Ncrontab.IsValid(timer.Schedule), Ncrontab.Validate(timer.Schedule));
        }
    }

    [Theory]
    [InlineData("Sweep", "*/5 * * * *", "NCRONTAB needs 6")]
    [InlineData("Http", "0 */5 * * * *", "Two functions are named")]
    [InlineData("http", "0 */5 * * * *", "Two functions are named")]
    [InlineData("app/x", "0 */5 * * * *", "not a valid function name")]
    [InlineData("9lives", "0 */5 * * * *", "not a valid function name")]
    public void ABadTimer_FailsGeneration(string name, string schedule, string message)
    {
        var e = Assert.Throws<InvalidOperationException>(() => FunctionsManifest.Functions([new AppTimer(name, schedule, TimeSpan.FromMinutes(5))]));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteTo_WritesOneFunctionJsonPerFunction()
    {
        var dir = Directory.CreateTempSubdirectory("aiw-functions-");
        try
        {
            var names = FunctionsManifest.WriteTo(dir.FullName);

            Assert.Equal(names.Order(StringComparer.Ordinal), dir.GetDirectories().Select(d => d.Name).Order(StringComparer.Ordinal));
            foreach (var name in names)
            {
                var written = JsonNode.Parse(File.ReadAllText(Path.Combine(dir.FullName, name, "function.json")))!;
                Assert.True(JsonNode.DeepEquals(FunctionsManifest.Functions(AppTimers.All)[name], written), name);
                Assert.Equal(["function.json"], Directory.GetFiles(Path.Combine(dir.FullName, name)).Select(Path.GetFileName));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

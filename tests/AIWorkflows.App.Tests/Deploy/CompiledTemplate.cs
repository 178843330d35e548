using System.Text.Json.Nodes;

namespace AIWorkflows.App.Tests.Deploy;

/// <summary>infra/main.bicep compiled to ARM JSON once per test run, with its resources flattened across modules.</summary>
internal sealed class CompiledTemplate
{
    private static readonly Lazy<Task<CompiledTemplate>> Main = new(CompileAsync);

    private CompiledTemplate(ProcessResult build, JsonObject template)
    {
        Build = build;
        Template = template;
        Resources = [.. ResourcesOf(template)];
    }

    public ProcessResult Build { get; }

    public JsonObject Template { get; }

    /// <summary>Every resource, including those inside module (nested deployment) templates.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public static Task<CompiledTemplate> GetAsync() => Main.Value;

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => Assert.Single(OfType(type));

    private static async Task<CompiledTemplate> CompileAsync()
    {
        var build = await BicepCli.RunAsync("build", Repo.PathOf("infra", "main.bicep"), "--stdout", "--no-restore");
        Assert.True(build.ExitCode == 0, build.ToString());
        return new CompiledTemplate(build, JsonNode.Parse(build.Output)!.AsObject());
    }

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray list => list.Select(r => r!.AsObject()),
            JsonObject symbolic => symbolic.Select(r => r.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested)) yield return inner;
            }
        }
    }
}

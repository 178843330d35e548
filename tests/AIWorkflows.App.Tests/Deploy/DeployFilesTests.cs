using System.Text.Json.Nodes;
using AIWorkflows.App.Identity;

namespace AIWorkflows.App.Tests.Deploy;

/// <summary>host.json and azure.yaml say what DESIGN §1 asks: an isolated-worker app whose workflows run on Durable's Azure Storage provider.</summary>
public class DeployFilesTests
{
    private static JsonNode HostJson() => JsonNode.Parse(Repo.Read("host.json"))!;

    [Fact]
    public void HostJson_IsVersion2_WithNoCustomHandler_NoRoutePrefix_AndLogs()
    {
        var host = HostJson();

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Null(host["customHandler"]);
        // The isolated worker builds its own extensions; a bundle is for script languages.
        Assert.Null(host["extensionBundle"]);
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
        Assert.NotNull(host["logging"]!["logLevel"]!["default"]);
    }

    [Fact]
    public void HostJson_RunsDurableOnAzureStorage_WithAHubName_Partitions_AndAPollingCeiling()
    {
        var durable = HostJson()["extensions"]!["durableTask"]!;

        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", (string?)durable["hubName"]);
        var provider = durable["storageProvider"]!;
        Assert.Equal("AzureStorage", (string?)provider["type"]);
        Assert.InRange((int)provider["partitionCount"]!, 1, 16);
        Assert.True(TimeSpan.TryParse((string?)provider["maxQueuePollingInterval"], System.Globalization.CultureInfo.InvariantCulture, out var polling));
        Assert.InRange(polling, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProject_AsADotnetFunctionApp()
    {
        var lines = File.ReadAllLines(Repo.PathOf("azure.yaml")).Select(l => l.Trim()).ToList();

        Assert.Contains("host: function", lines);
        Assert.Contains("language: dotnet", lines);
        Assert.Contains("project: src/AIWorkflows.Functions", lines);
    }

    [Fact]
    public void LocalSettings_AreNeverCommitted()
    {
        Assert.Contains("local.settings.json", File.ReadAllLines(Repo.PathOf(".gitignore")));
    }

    [Fact]
    public void TheAppRolesForTheEntraRegistration_AreTheRolesTheAppChecks()
    {
        var roles = JsonNode.Parse(Repo.Read("infra", "app-roles.json"))!.AsArray();

        Assert.Equal(Roles.All, roles.Select(r => (string?)r!["value"]));
        Assert.All(roles, r => Assert.Equal(["User"], r!["allowedMemberTypes"]!.AsArray().Select(t => (string?)t)));
        Assert.All(roles, r => Assert.True((bool?)r!["isEnabled"]));
    }
}

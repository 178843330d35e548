using System.Text.Json.Nodes;
using AIWorkflows.App.Identity;

namespace AIWorkflows.App.Tests.Deploy;

/// <summary>host.json and azure.yaml say what DESIGN §1 asks of the custom handler and its deployment.</summary>
public class DeployFilesTests
{
    private static JsonNode HostJson() => JsonNode.Parse(Repo.Read("host.json"))!;

    [Fact]
    public void HostJson_StartsTheSelfContainedApp_FromItsOwnFolder()
    {
        var description = HostJson()["customHandler"]!["description"]!;

        Assert.Equal("app/AIWorkflows.App", (string?)description["defaultExecutablePath"]);
        // The app's content root (appsettings.json, wwwroot/) is its working directory.
        Assert.Equal("app", (string?)description["workingDirectory"]);
    }

    [Fact]
    public void HostJson_ForwardsHttpUnchanged_WithNoRoutePrefix()
    {
        var host = HostJson();

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.True((bool?)host["customHandler"]!["enableForwardingHttpRequest"]);
        Assert.Equal("", (string?)host["extensions"]!["http"]!["routePrefix"]);
    }

    [Fact]
    public void HostJson_TakesTimersFromExtensionBundle4_AndLogs()
    {
        var host = HostJson();

        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", (string?)host["extensionBundle"]!["id"]);
        Assert.StartsWith("[4.", (string?)host["extensionBundle"]!["version"], StringComparison.Ordinal);
        Assert.NotNull(host["logging"]!["logLevel"]!["default"]);
    }

    [Fact]
    public void AzureYaml_DeploysTheCustomHandlerPackage_ThatThePrepackageHookBuilds()
    {
        var lines = File.ReadAllLines(Repo.PathOf("azure.yaml")).Select(l => l.Trim()).ToList();

        Assert.Contains("host: function", lines);
        Assert.Contains("language: custom", lines);
        Assert.Contains("dist: dist/functionapp", lines);
        Assert.Contains("prepackage:", lines);
        Assert.Contains("run: ./scripts/package.sh dist", lines);
        Assert.Contains("project: .", lines);
    }

    [Fact]
    public void ThePackagingScript_IsExecutable_AndThePackageIsNeverCommitted()
    {
        if (!OperatingSystem.IsWindows())
            Assert.NotEqual(UnixFileMode.None, File.GetUnixFileMode(Repo.PathOf("scripts", "package.sh")) & UnixFileMode.UserExecute);
        Assert.Contains("dist/", File.ReadAllLines(Repo.PathOf(".gitignore")));
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

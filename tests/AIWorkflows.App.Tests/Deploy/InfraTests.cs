using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Tests.Deploy;

/// <summary>
/// infra/ compiles and lints clean with the Bicep CLI from NuGet, offline, and the template has what
/// the app needs in Azure (DESIGN §1, §3, §6): Flex Consumption with the custom runtime, storage with
/// immutable records, one identity with the right roles, Key Vault, Entra-only telemetry and sign-in.
/// </summary>
public partial class InfraTests
{
    private static IEnumerable<string> BicepFiles() =>
        Directory.EnumerateFiles(Repo.PathOf("infra"), "*.bicep", SearchOption.AllDirectories);

    [Fact]
    public async Task MainBicep_Compiles_WithNoWarnings()
    {
        var compiled = await CompiledTemplate.GetAsync();

        Assert.Empty(BicepCli.Problems(compiled.Build));
    }

    [Fact]
    public async Task MainBicep_Lints_WithNoWarnings()
    {
        var lint = await BicepCli.RunAsync("lint", Repo.PathOf("infra", "main.bicep"), "--no-restore");

        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.Empty(BicepCli.Problems(lint));
    }

    [Fact]
    public void TheInfra_UsesPlainResourcesOnly_SoItCompilesOffline()
    {
        foreach (var file in BicepFiles())
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(RegistryReference(), text);
            Assert.DoesNotMatch(ExtensionStatement(), text);
        }
    }

    [Fact]
    public void EveryDisabledLinterRule_SaysWhy()
    {
        foreach (var file in BicepFiles())
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Contains("#disable-", StringComparison.Ordinal)))
                Assert.Matches(@"#disable-(next-line|diagnostics) [\w-]+(\s+[\w-]+)*\s+//\s*\S", line);
        }
    }

    [Fact]
    public async Task OutputsAreUpperSnake_ForAzdEnvironment()
    {
        var outputs = (await CompiledTemplate.GetAsync()).Template["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.All(outputs, name => Assert.Matches("^[A-Z][A-Z0-9_]*$", name));
        Assert.Superset(new HashSet<string> { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_KEY_VAULT_NAME", "AZURE_STORAGE_ACCOUNT_NAME" }, outputs.ToHashSet());
    }

    [Fact]
    public async Task TheFunctionApp_IsFlexConsumption_OnTheDotnetIsolatedWorker_DeployedFromBlobWithTheIdentity()
    {
        var compiled = await CompiledTemplate.GetAsync();

        var plan = compiled.Single("Microsoft.Web/serverfarms");
        Assert.Equal(("FC1", "FlexConsumption"), ((string?)plan["sku"]!["name"], (string?)plan["sku"]!["tier"]));
        var site = compiled.Single("Microsoft.Web/sites");
        Assert.Equal("functionapp,linux", (string?)site["kind"]);
        Assert.Contains("azd-service-name", site["tags"]!.ToJsonString(), StringComparison.Ordinal);
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", (string?)config["runtime"]!["name"]);
        Assert.Equal("10.0", (string?)config["runtime"]!["version"]);
        Assert.Equal("blobContainer", (string?)config["deployment"]!["storage"]!["type"]);
        Assert.Equal("UserAssignedIdentity", (string?)config["deployment"]!["storage"]!["authentication"]!["type"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.True((bool?)site["properties"]!["httpsOnly"]);
    }

    [Fact]
    public async Task AppSettings_PointTheAppAtAzure_WithTheIdentity_KeyVaultReferences_AndEasyAuthTrustOnlyWithSignIn()
    {
        var compiled = await CompiledTemplate.GetAsync();
        var function = compiled.Resources.Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "function");
        var settings = compiled.OfType("Microsoft.Web/sites/config").Single(c => ((string?)c["name"])!.Contains("appsettings", StringComparison.Ordinal));
        // The settings compile to one ARM expression (they name the site's host), so look for the names in it.
        var text = settings["properties"] is JsonValue expression ? expression.GetValue<string>() : settings["properties"]!.ToJsonString();

        foreach (var key in new[]
        {
            "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
            "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "AZURE_CLIENT_ID",
            "Storage__TableServiceUri", "Storage__BlobServiceUri", "Policy__Pack", "App__BaseUrl",
            "Tokens__SigningKey", "SendGrid__ApiKey", "SendGrid__FromEmail", "Auth__TrustEasyAuth", "AzureWebJobsDisableHomepage",
        })
            Assert.Matches($"['\"]{key}['\"]", text);
        Assert.Contains("@Microsoft.KeyVault(SecretUri=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", text, StringComparison.Ordinal); // Flex takes it from functionAppConfig
        Assert.DoesNotContain("Storage__ConnectionString", text, StringComparison.Ordinal);
        // Trust follows sign-in: without App Service Authentication in front anyone could forge the header.
        Assert.Contains("'Auth__TrustEasyAuth', if(variables('authEnabled'), 'true', 'false')", text, StringComparison.Ordinal);
        Assert.Equal("[not(empty(parameters('authClientId')))]", (string?)function["properties"]!["template"]!["variables"]!["authEnabled"]);
    }

    [Fact]
    public async Task SignIn_IsEntraId_WithoutAClientSecret_AndLeavesPublicPagesAndTaskLinksOpen()
    {
        var compiled = await CompiledTemplate.GetAsync();
        var auth = compiled.OfType("Microsoft.Web/sites/config").Single(c => ((string?)c["name"])!.Contains("authsettingsV2", StringComparison.Ordinal));
        var properties = auth["properties"]!;

        Assert.True((bool?)properties["platform"]!["enabled"]);
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.False((bool?)properties["globalValidation"]!["requireAuthentication"]);
        var aad = properties["identityProviders"]!["azureActiveDirectory"]!;
        Assert.True((bool?)aad["enabled"]);
        Assert.Equal("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID", (string?)aad["registration"]!["clientSecretSettingName"]);
    }

    [Fact]
    public async Task Storage_AllowsIdentitiesOnly_VersionsBlobs_AndKeepsRecordVersionsImmutable()
    {
        var compiled = await CompiledTemplate.GetAsync();

        var account = compiled.Single("Microsoft.Storage/storageAccounts");
        Assert.False((bool?)account["properties"]!["allowSharedKeyAccess"]);
        Assert.False((bool?)account["properties"]!["allowBlobPublicAccess"]);
        Assert.True((bool?)compiled.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!["isVersioningEnabled"]);
        var containers = compiled.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        Assert.Contains(containers, c => (bool?)c["properties"]?["immutableStorageWithVersioning"]?["enabled"] == true);
        var tables = compiled.Single("Microsoft.Storage/storageAccounts/tableServices/tables");
        Assert.NotNull(tables["copy"]); // one per table name
        Assert.Contains("Workflows", compiled.Template.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheImmutableContainer_AndTheTables_AreTheOnesTheAppUses()
    {
        var storage = (await CompiledTemplate.GetAsync()).Resources
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == "storage");
        var parameters = storage["properties"]!["template"]!["parameters"]!;

        Assert.Equal(RecordStorage.Container, (string?)parameters["recordsContainerName"]!["defaultValue"]);
        Assert.Equal(
            [StorageTables.Workflows, StorageTables.Wakes, RecordStorage.IndexTable],
            parameters["tableNames"]!["defaultValue"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public async Task TheIdentity_HasTableAndQueueDataContributor_BlobDataOwner_SecretsUser_AndMetricsPublisher()
    {
        var compiled = await CompiledTemplate.GetAsync();
        var text = compiled.Template.ToJsonString();

        Assert.Single(compiled.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
        Assert.Equal(5, compiled.OfType("Microsoft.Authorization/roleAssignments").Count());
        foreach (var role in new[]
        {
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor (the Durable task hub)
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "4633458b-17de-408a-b874-0445c86b69e6", // Key Vault Secrets User
            "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
        })
            Assert.Contains(role, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secrets_LiveInAnRbacKeyVault_AndTelemetryTakesEntraAuthOnly()
    {
        var compiled = await CompiledTemplate.GetAsync();

        var vault = compiled.Single("Microsoft.KeyVault/vaults");
        Assert.True((bool?)vault["properties"]!["enableRbacAuthorization"]);
        Assert.Equal(2, compiled.OfType("Microsoft.KeyVault/vaults/secrets").Count());
        Assert.True((bool?)compiled.Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]);
        var parameters = compiled.Template["parameters"]!;
        Assert.Equal("securestring", (string?)parameters["sendGridApiKey"]!["type"]);
        Assert.Equal("securestring", (string?)parameters["tokensSigningKey"]!["type"]);
        // azd generates the signing key once: 44 letters and digits are valid base64 for 33 bytes.
        Assert.Equal("generate", (string?)parameters["tokensSigningKey"]!["metadata"]!["azd"]!["type"]);
        Assert.Equal(44, (int?)parameters["tokensSigningKey"]!["metadata"]!["azd"]!["config"]!["length"]);
    }

    [Fact]
    public async Task TheParametersFile_NamesOnlyParametersOfMain()
    {
        var declared = (await CompiledTemplate.GetAsync()).Template["parameters"]!.AsObject().Select(p => p.Key).ToHashSet();
        var file = JsonNode.Parse(Repo.Read("infra", "main.parameters.json"))!["parameters"]!.AsObject();

        Assert.All(file, p => Assert.Contains(p.Key, declared));
        Assert.DoesNotContain("sendGridApiKey", file.Select(p => p.Key)); // a secret: azd prompts for it and keeps it
    }

    [GeneratedRegex(@"'(br|ts)[:/]")]
    private static partial Regex RegistryReference();

    [GeneratedRegex(@"(?m)^\s*(extension|provider|import)\s")]
    private static partial Regex ExtensionStatement();
}

using System.Reflection;
using System.Security.Cryptography;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AIWorkflows.App.Tests.Deploy;

/// <summary>
/// The Functions host cannot run here, so its worker's own host is built as Program builds it, in Production, with
/// the container validated: every function class must come out of it, or Azure would fail the first call.
/// </summary>
[Collection(OnAzurite.Name)]
public sealed class WorkerHostTests(AzuriteFixture azurite)
{
    [Fact]
    public void TheWorkersOwnContainer_BuildsValidated_AndGivesEveryFunctionClass()
    {
        using var host = WorkerHost.Create()
            .UseEnvironment(Environments.Production)
            .ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = azurite.ConnectionString,
                ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
                ["App:BaseUrl"] = "https://ai.cityofsacramento.example/",
                ["Auth:TrustEasyAuth"] = "true",
                ["Tokens:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["SendGrid:ApiKey"] = "SG.test-key",
                ["SendGrid:FromEmail"] = "ai-approvals@cityofsacramento.example",
            }))
            .UseDefaultServiceProvider(o => (o.ValidateOnBuild, o.ValidateScopes) = (true, true))
            .Build();
        var classes = typeof(AppServices).Assembly.GetExportedTypes()
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(m => m.IsDefined(typeof(FunctionAttribute))))
            .ToList();

        using var scope = host.Services.CreateScope();
        var made = classes.Select(t => ActivatorUtilities.CreateInstance(scope.ServiceProvider, t)).ToList();

        Assert.Contains(typeof(AIWorkflows.App.ToolApprovals.ToolRequestsFunctions), classes);
        Assert.Contains(typeof(AIWorkflows.App.Records.RecordsFunctions), classes);
        Assert.All(made, Assert.NotNull);
    }
}

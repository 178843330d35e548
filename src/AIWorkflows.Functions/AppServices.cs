using AIWorkflows.App.AccessGrants;
using AIWorkflows.App.Development;
using AIWorkflows.App.Functions;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Mail;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Records;
using AIWorkflows.App.Tokens;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.App.Workflows;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App;

/// <summary>
/// Every service the app needs, registered once: the Functions worker's Program and the local host
/// both call this, so the two hosts cannot drift apart.
/// </summary>
public static class AppServices
{
    public static IServiceCollection AddAIWorkflows(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddProblemDetails();
        services.AddPolicyPack(configuration);
        services.AddDevClock(environment);
        services.AddTaskTokens(configuration, environment);
        services.AddMail(configuration, environment);
        services.AddCityIdentity(configuration, environment);
        services.AddWorkflowStorage(configuration);
        services.AddToolApprovals(configuration);
        services.AddToolLifecycle();
        services.AddRecords(configuration);
        services.AddUnionNotices();
        services.AddPublicRegister(configuration);
        services.AddAccessGrants();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        // One key ring for every instance and restart, in the app's storage (Web/BlobKeyRepository).
        services.AddDataProtection().SetApplicationName("AIWorkflows");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new Web.BlobKeyRepository(sp.GetRequiredService<Storage.StorageClients>())));
        // Page functions check their forms themselves (Web/Pages/PageForms); no middleware does it in Azure.
        services.AddAntiforgery();
        return services;
    }
}

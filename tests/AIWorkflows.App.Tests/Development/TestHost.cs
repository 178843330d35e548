using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace AIWorkflows.App.Tests.Development;

/// <summary>
/// A small in-memory web app for testing one feature's endpoints and middleware in a chosen
/// environment, until the whole-app factory exists. No sockets: requests go through TestServer.
/// </summary>
internal static class TestHost
{
    public static async Task<WebApplication> StartAsync(
        string environment, Action<WebApplicationBuilder> configure, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        configure(builder);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}

/// <summary>Maps the HTTP-trigger functions of the given classes as the local host maps the whole app's.</summary>
internal static class FunctionMapping
{
    public static void MapFunctions(this WebApplication app, params Type[] classes) =>
        AIWorkflows.LocalHost.Http.HttpTriggerEndpoints.MapHttpTriggers(app, AIWorkflows.LocalHost.Functions.FunctionCatalog.Of(classes));
}

using AIWorkflows.App;
using AIWorkflows.App.Functions;
using AIWorkflows.App.Web;
using AIWorkflows.LocalHost.Functions;
using AIWorkflows.LocalHost.Http;

namespace AIWorkflows.LocalHost;

/// <summary>
/// Runs the Functions app here, where the Functions host cannot (DESIGN §1): the same function
/// classes and services in one ASP.NET Core process, HTTP triggers mapped from their attributes.
/// </summary>
public sealed class LocalHostProgram
{
    private LocalHostProgram() { }

    public static async Task Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Configuration["PORT"] is { Length: > 0 } port && builder.Configuration["urls"] is null)
            builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.KeepLinksOutOfLogs();

        builder.Services.AddAIWorkflows(builder.Configuration, builder.Environment);
        builder.Services.AddHostedService<SweepScheduler>();
        var functions = FunctionCatalog.Of(typeof(AppServices).Assembly);
        builder.Services.AddSingleton(functions);

        var app = builder.Build();
        app.UseAIWorkflowsEndpoints();
        app.MapHttpTriggers(functions);
        await app.RunAsync();
    }
}

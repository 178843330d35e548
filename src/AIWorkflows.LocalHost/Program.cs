using AIWorkflows.App;
using AIWorkflows.App.Web;
using AIWorkflows.LocalHost.Durable;
using AIWorkflows.LocalHost.Functions;
using AIWorkflows.LocalHost.Http;
using AIWorkflows.LocalHost.Timers;

namespace AIWorkflows.LocalHost;

/// <summary>
/// Runs the Functions app here, where the Functions host cannot (DESIGN §1): the same function
/// classes and services in one ASP.NET Core process; HTTP triggers mapped from their attributes,
/// timer triggers on their schedules, orchestrations and activities on the real Durable engine
/// (Azure Storage backend on Azurite) behind an in-process gRPC sidecar.
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

        var app = typeof(AppServices).Assembly;
        builder.Services.AddAIWorkflows(builder.Configuration, builder.Environment);
        builder.Services.AddLocalDurable(o =>
        {
            builder.Configuration.GetSection(LocalDurableOptions.SectionName).Bind(o);
            o.ConnectionString = builder.Configuration["Storage:ConnectionString"] ?? "";
            // One task hub per storage prefix, so each test app (and each developer's prefix) has its own.
            o.TaskHubName = builder.Configuration["Storage:TablePrefix"] is { Length: > 0 } prefix ? prefix + "Hub" : o.TaskHubName;
            o.FunctionAssemblies.Add(app);
            // One process runs a hub here, and one that dies holding work (SIGKILL, a crash) must hand it on within seconds after
            // a restart, not after the backend's 5 minutes of message invisibility; its steps take well under this. The lease
            // timings that go with it are LocalDurable settings (appsettings.json), so the bench can run Azure's.
            o.ConfigureBackend = s =>
            {
                s.ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(20);
                s.WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(20);
            };
        });
        builder.Services.AddLocalTimers(o =>
        {
            o.FunctionAssemblies.Add(app);
            o.RunOnSchedule = builder.Configuration.GetValue("Sweep:Scheduler", true);
        });
        var functions = FunctionCatalog.Of(app);
        builder.Services.AddSingleton(functions);

        var web = builder.Build();
        // In Azure the worker's ProblemResponsesMiddleware turns a function's failure into a problem answer; here the
        // same rule runs as ASP.NET Core middleware, and also answers an address no function has.
        web.UseProblemResponses();
        web.MapHttpTriggers(functions);
        await web.RunAsync();
    }
}

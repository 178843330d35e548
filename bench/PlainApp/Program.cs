using AIWorkflows.LocalHost.Durable;
using AIWorkflows.LocalHost.Functions;
using AIWorkflows.LocalHost.Http;
using DurableTask.AzureStorage;
using PlainApp.Mail;
using PlainApp.Storage;

namespace PlainApp;

/// <summary>
/// The plain app on the local host: its HTTP-trigger functions mapped from their attributes, its
/// orchestrations and activities on the Durable engine (Azure Storage backend) with the backend's own
/// default settings, where our host tunes polling, partitions, leases and visibility timeouts.
/// </summary>
public static class PlainProgram
{
    public static async Task Main(string[] args) => await Build(args).RunAsync();

    /// <summary>The app, configured and not started: the bench starts it in its own process to read its counters.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var config = builder.Configuration;
        var prefix = config["Plain:Prefix"] ?? "";
        builder.Services.AddPlainStorage(config["Storage:ConnectionString"] ?? "", prefix);
        builder.Services.AddPlainMail(config);
        builder.Services.Configure<PlainOptions>(config.GetSection(PlainOptions.Section));

        var functions = typeof(PlainProgram).Assembly;
        var defaults = new AzureStorageOrchestrationServiceSettings();
        builder.Services.AddLocalDurable(o =>
        {
            o.ConnectionString = config["Storage:ConnectionString"] ?? "";
            o.TaskHubName = prefix + "Plain";
            o.FunctionAssemblies.Add(functions);
            // The backend's defaults (4 partitions, queues polled at most every 30 s), not the local host's 1 and 1 s;
            // nothing in ConfigureBackend, so leases and visibility timeouts are the backend's own too.
            o.PartitionCount = defaults.PartitionCount;
            o.MaxQueuePollingInterval = defaults.MaxQueuePollingInterval;
        });

        var app = builder.Build();
        app.MapHttpTriggers(FunctionCatalog.Of(functions));
        return app;
    }
}

using AIWorkflows.App.Web;

namespace AIWorkflows.App;

/// <summary>
/// The Functions isolated worker's host as Program builds it: the Functions host (in Azure, or <c>func start</c>)
/// invokes the [Function] methods of this assembly through it. A test builds it, so a start-up failure that only Azure
/// would meet shows up here; locally AIWorkflows.LocalHost runs the same classes with the same services (DESIGN §1).
/// </summary>
public static class WorkerHost
{
    public static IHostBuilder Create() => new HostBuilder()
        .ConfigureFunctionsWebApplication(worker => worker.UseMiddleware<ProblemResponsesMiddleware>())
        .ConfigureServices((context, services) => services.AddAIWorkflows(context.Configuration, context.HostingEnvironment));
}

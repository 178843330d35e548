using AIWorkflows.App;

// The Functions isolated worker: the Functions host (in Azure, or `func start`) invokes the
// [Function] methods of this assembly. Locally and in tests AIWorkflows.LocalHost runs the same
// classes with the same services (DESIGN §1).
var host = new HostBuilder()
    .ConfigureFunctionsWebApplication()
    .ConfigureServices((context, services) => services.AddAIWorkflows(context.Configuration, context.HostingEnvironment))
    .Build();

await host.RunAsync();

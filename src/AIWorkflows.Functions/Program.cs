using AIWorkflows.App;

await WorkerHost.Create().Build().RunAsync();

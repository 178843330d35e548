using AIWorkflows.LocalHost.Durable;
using AIWorkflows.LocalHost.Tests.Samples;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace AIWorkflows.LocalHost.Tests.Fixtures;

/// <summary>A host with the local Durable engine on the fixture's Azurite and the sample functions of this assembly.</summary>
public sealed class DurableApp : IAsyncDisposable
{
    private readonly IHost _host;

    private DurableApp(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    public StorageTransactionCounter Counter => Services.GetRequiredKeyedService<StorageTransactionCounter>(LocalDurableOptions.CounterKey);

    public SampleLedger Ledger => Services.GetRequiredService<SampleLedger>();

    public DurableSidecar Sidecar => Services.GetRequiredService<DurableSidecar>();

    public static async Task<DurableApp> StartAsync(
        AzuriteFixture azurite, string taskHub, ITestOutputHelper? output = null, Action<LocalDurableOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (output is not null) builder.Logging.AddProvider(new TestOutputLoggerProvider(output));
        builder.Services.AddSingleton<SampleLedger>();
        builder.Services.AddLocalDurable(o =>
        {
            o.ConnectionString = azurite.ConnectionString;
            o.TaskHubName = taskHub;
            o.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(500);
            o.FunctionAssemblies.Add(typeof(SampleApproval).Assembly);
            configure?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new DurableApp(host);
    }

    public async Task StopAsync() => await _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else _host.Dispose();
    }
}

using AIWorkflows.Storage.Counting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIWorkflows.LocalHost.Durable;

public static class LocalDurableServiceCollectionExtensions
{
    /// <summary>
    /// Runs the app's orchestrator and activity functions on the real Durable engine in this process:
    /// the Azure Storage backend behind a gRPC sidecar (<see cref="DurableSidecar"/>), a
    /// <see cref="DurableTaskWorker"/> with every <c>[Function]</c> of <see cref="LocalDurableOptions.FunctionAssemblies"/>,
    /// and a <see cref="DurableTaskClient"/> in the container for functions and services. The backend's
    /// storage requests are counted by a <see cref="StorageTransactionCounter"/> of their own (keyed
    /// <see cref="LocalDurableOptions.CounterKey"/>), so a test can tell the app's work from the engine's
    /// polling and a benchmark can add the two.
    /// </summary>
    public static IServiceCollection AddLocalDurable(this IServiceCollection services, Action<LocalDurableOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<LocalDurableOptions>().ValidateOnStart();
        if (configure is not null) options.Configure(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LocalDurableOptions>, LocalDurableOptions.Validator>());
        services.TryAddKeyedSingleton<StorageTransactionCounter>(LocalDurableOptions.CounterKey);

        // Hosted services start in registration order and stop in reverse: sidecar, then worker.
        services.AddSingleton<DurableSidecar>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableSidecar>());
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc();
            services.AddOptions<GrpcDurableTaskWorkerOptions>(worker.Name).Configure<DurableSidecar>((o, sidecar) =>
            {
                o.Channel = sidecar.Channel;
                // The sidecar sends nothing on an idle stream (no health pings), so the worker's default
                // 120 s silent-disconnect timer would drop a healthy stream and strand a work item.
                o.SetSilentDisconnectTimeout(TimeSpan.Zero);
            });
            services.AddOptions<DurableTaskRegistry>(worker.Name).Configure<IServiceProvider, IOptions<LocalDurableOptions>>(
                (registry, sp, o) => DurableFunctions.Scan(o.Value.FunctionAssemblies).Register(registry, sp));
        });
        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc();
            services.AddOptions<GrpcDurableTaskClientOptions>(client.Name).Configure<DurableSidecar>((o, sidecar) => o.Channel = sidecar.Channel);
            client.RegisterDirectly();
        });
        return services;
    }
}

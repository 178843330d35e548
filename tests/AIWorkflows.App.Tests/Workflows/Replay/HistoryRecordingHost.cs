using System.Collections.Concurrent;
using System.Net;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Proto = Microsoft.DurableTask.Protobuf;

namespace AIWorkflows.App.Tests.Workflows.Replay;

/// <summary>
/// The in-memory Durable engine that <c>DurableTaskTestHost</c> runs (its orchestration service behind the
/// gRPC sidecar, a worker and a client), assembled here so that each instance's history can be read:
/// the test host keeps its service to itself, and the service does not answer history queries.
/// </summary>
internal sealed class HistoryRecordingHost : IAsyncDisposable
{
    private readonly WebApplication _sidecar;
    private readonly IHost _worker;
    private readonly GrpcChannel _channel;
    private readonly RecordingOrchestrationService _service;

    private HistoryRecordingHost(WebApplication sidecar, IHost worker, GrpcChannel channel, RecordingOrchestrationService service)
    {
        (_sidecar, _worker, _channel, _service) = (sidecar, worker, channel, service);
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    /// <summary>The instance's whole history as the engine last saved it, in the wire form the worker is sent.</summary>
    public IReadOnlyList<Proto.HistoryEvent> HistoryOf(string instanceId) =>
        _service.Histories.TryGetValue(instanceId, out var events) ? events : throw new InvalidOperationException($"No history saved for '{instanceId}'.");

    public static async Task<HistoryRecordingHost> StartAsync(Action<DurableTaskRegistry> tasks)
    {
        var service = new RecordingOrchestrationService();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddLogging();
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(service);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync();

        var address = sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var channel = GrpcChannel.ForAddress(address);
        var worker = Host.CreateDefaultBuilder()
            .ConfigureLogging(l => l.ClearProviders())
            .ConfigureServices(services =>
            {
                services.AddDurableTaskWorker(b => b.UseGrpc(channel).AddTasks(tasks));
                services.AddDurableTaskClient(b => b.UseGrpc(channel).RegisterDirectly());
            })
            .Build();
        await worker.StartAsync();
        return new HistoryRecordingHost(sidecar, worker, channel, service);
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _channel.ShutdownAsync();
        _channel.Dispose();
        await _sidecar.StopAsync();
        await _sidecar.DisposeAsync();
    }

    /// <summary>
    /// The test host's in-memory service, re-implementing the one call that saves an episode: it keeps a
    /// copy of the instance's history (past and new events) converted as the sidecar converts it for the worker.
    /// </summary>
    private sealed class RecordingOrchestrationService : InMemoryOrchestrationService, IOrchestrationService
    {
        public ConcurrentDictionary<string, IReadOnlyList<Proto.HistoryEvent>> Histories { get; } = new();

        Task IOrchestrationService.CompleteTaskOrchestrationWorkItemAsync(
            TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
            IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
        {
            Histories[newOrchestrationRuntimeState.OrchestrationInstance!.InstanceId] =
                [.. newOrchestrationRuntimeState.Events.Select(ProtobufUtils.ToHistoryEventProto)];
            return CompleteTaskOrchestrationWorkItemAsync(
                workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
        }
    }
}

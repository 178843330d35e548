using System.Net;
using System.Net.Sockets;
using AIWorkflows.Storage.Counting;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// The Durable engine of the local host: the Azure Storage backend, served over gRPC by the
/// <see cref="TaskHubGrpcServer"/> sidecar on a loopback port of its own, in this process. The app's
/// worker and client reach it through <see cref="Channel"/>. A hosted service of the app, registered
/// before the worker so that it starts first and stops last.
/// </summary>
public sealed partial class DurableSidecar : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly LocalDurableOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _log;
    private readonly StopObservingService _dispatched;
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _server;
    private int _disposed;

    public DurableSidecar(
        IOptions<LocalDurableOptions> options, ILoggerFactory loggerFactory, [FromKeyedServices(LocalDurableOptions.CounterKey)] StorageTransactionCounter counter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(counter);
        _options = options.Value;
        // The app's logger factory: it outlives this service, which the prototype's did not.
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        _log = loggerFactory.CreateLogger<DurableSidecar>();

        Settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = _options.TaskHubName,
            PartitionCount = _options.PartitionCount,
            MaxQueuePollingInterval = _options.MaxQueuePollingInterval,
            ExtendedSessionsEnabled = _options.ExtendedSessionsEnabled,
            // Leases are owned by worker id; the default (the machine name) would make two hosts of one
            // machine, a test's or a restarted process's, look like the same owner.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}",
            StorageAccountClientProvider = CountedStorageClients.For(_options.ConnectionString, _options.TaskHubName, counter),
            LoggerFactory = loggerFactory,
        };
        if (_options.LeaseInterval is { } lease) Settings.LeaseInterval = lease;
        if (_options.LeaseRenewInterval is { } renew) Settings.LeaseRenewInterval = renew;
        if (_options.LeaseAcquireInterval is { } acquire) Settings.LeaseAcquireInterval = acquire;
        Settings.UseAppLease = _options.UseAppLease;
        _options.ConfigureBackend?.Invoke(Settings);
        Backend = new AzureStorageOrchestrationService(Settings);
        _dispatched = new StopObservingService(Backend, Settings.WorkItemQueueVisibilityTimeout / 4);

        // The port is known only once Kestrel listens, after the worker and client were configured with
        // this channel; so the channel dials whatever port that turns out to be.
        Channel = GrpcChannel.ForAddress("http://durable-sidecar", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { ConnectCallback = ConnectAsync, EnableMultipleHttp2Connections = true },
            LoggerFactory = loggerFactory,
        });
    }

    public AzureStorageOrchestrationServiceSettings Settings { get; }

    public AzureStorageOrchestrationService Backend { get; }

    /// <summary>The gRPC channel to the sidecar, for the worker and the client.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The sidecar's loopback address, once started.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The sidecar starts the backend only once a worker connects; clients may call before that.
        await Backend.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DurableSidecar).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        // The app's host owns the process's signals and logging.
        builder.Services.AddSingleton<IHostLifetime, NoSignals>();
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<IOrchestrationService>(_dispatched);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(
            new PromptWaitClient<AzureStorageOrchestrationService>(Backend, _options.StatusPollingInterval));
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _server = builder.Build();
        _server.MapGrpcService<TaskHubGrpcServer>();
        await _server.StartAsync(cancellationToken);

        var address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        Address = address;
        _port.TrySetResult(address.Port);
        Listening(_log, _options.TaskHubName, address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null) return;
        // The worker has stopped; a call still open now (a client waiting for an instance) cannot be
        // answered, so Kestrel gets half a second to close gracefully, not the host's 30 s.
        using (var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            closing.CancelAfter(TimeSpan.FromMilliseconds(500));
            await _server.StopAsync(closing.Token);
        }

        // Stopping the sidecar's host stops its dispatchers and then the backend, which releases its
        // partition leases (about a second), in the background: wait for that, within the drain timeout.
        if (!_dispatched.Started) return;
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(_options.DrainTimeout);
        try
        {
            await _dispatched.Stopped.WaitAsync(drain.Token);
        }
        catch (OperationCanceledException)
        {
            // A work item still waits for a worker that is gone; the backend stops anyway.
            NotDrained(_log, _options.DrainTimeout);
            await Backend.StopAsync(isForced: true);
        }
    }

    /// <summary>For a container disposed synchronously; the sidecar's host has stopped by then, so this is quick.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_server is not null) await _server.DisposeAsync();
        Channel.Dispose();
        Backend.Dispose();
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var port = await _port.Task.WaitAsync(cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [LoggerMessage(LogLevel.Information, "Durable sidecar for task hub {TaskHub} listening on {Address}")]
    private static partial void Listening(ILogger logger, string taskHub, Uri address);

    [LoggerMessage(LogLevel.Warning, "Durable sidecar did not drain within {DrainTimeout}; stopping the backend by force")]
    private static partial void NotDrained(ILogger logger, TimeSpan drainTimeout);

    private sealed class NoSignals : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

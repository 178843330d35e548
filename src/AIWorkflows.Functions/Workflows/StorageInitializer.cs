using AIWorkflows.Storage;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// Creates the tables and containers before the server takes requests (StartingAsync runs ahead of
/// Kestrel). Storage that is still starting (Azurite launched a moment ago) gets a short grace; then
/// start-up fails with a message that says what to check, not a stack trace.
/// </summary>
public sealed partial class StorageInitializer(StorageClients clients, IConfiguration config, ILogger<StorageInitializer> log)
    : IHostedLifecycleService
{
    public bool Ready { get; private set; }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + config.GetValue("Storage:StartupTimeout", TimeSpan.FromSeconds(30));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await clients.EnsureCreatedAsync(cancellationToken);
                Ready = true;
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && DateTime.UtcNow < deadline)
            {
                Waiting(log, attempt, e.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException(
                    "Storage is not reachable: start Azurite (./run does) or check Storage:ConnectionString / Storage:TableServiceUri. "
                    + $"Last error: {e.GetType().Name}: {e.Message.Split('\n')[0]}", e);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Waiting for storage (attempt {Attempt}, {Error})")]
    private static partial void Waiting(ILogger logger, int attempt, string error);
}

using System.Net.Http.Json;
using AIWorkflows.LocalHost.Durable;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Testing;
using AIWorkflows.Testing.Mail;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PlainApp;

namespace AIWorkflows.Bench;

/// <summary>
/// The plain Durable Functions app (bench/PlainApp) in this process on a free port, its storage in the
/// benchmark's Azurite under a prefix of its own, mail through the SendGrid client to a local listener,
/// as <see cref="BenchApp"/> runs ours. Its two counters are read as ours are: its own clients' and the
/// Durable backend's.
/// </summary>
internal sealed class PlainBenchApp : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TableClient _instances;
    private readonly TableClient _partitions;

    private PlainBenchApp(WebApplication app, SendGridListener sendGrid, Uri baseUrl, TableClient instances, TableClient partitions)
    {
        (_app, SendGrid, _instances, _partitions) = (app, sendGrid, instances, partitions);
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10) };
    }

    public SendGridListener SendGrid { get; }

    public HttpClient Http { get; }

    public StorageTransactionCounter Counter => _app.Services.GetRequiredService<StorageTransactionCounter>();

    public StorageTransactionCounter Durable => _app.Services.GetRequiredKeyedService<StorageTransactionCounter>(LocalDurableOptions.CounterKey);

    public static async Task<PlainBenchApp> StartAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var sendGrid = await SendGridListener.StartAsync();
        var baseUrl = new Uri($"http://127.0.0.1:{LoopbackPorts.Next()}/");
        var prefix = AzuriteFixture.NewTablePrefix();
        var all = new Dictionary<string, string?>
        {
            ["urls"] = baseUrl.ToString().TrimEnd('/'),
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Plain:Prefix"] = prefix,
            ["Plain:BaseUrl"] = baseUrl.ToString(),
            ["SendGrid:ApiKey"] = "SG.bench-key",
            ["SendGrid:BaseUrl"] = sendGrid.BaseUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var app = PlainProgram.Build([.. all.Select(kv => $"--{kv.Key}={kv.Value}")]);
        await app.StartAsync();
        // The bench's own view of the backend's instance table: not counted, it is not the app's work.
        var instances = new TableClient(azurite.ConnectionString, prefix + "PlainInstances");
        var plain = new PlainBenchApp(app, sendGrid, baseUrl, instances, new TableClient(azurite.ConnectionString, prefix + "PlainPartitions"));
        await plain.WaitUntilStartedAsync();
        return plain;
    }

    /// <summary>
    /// The backend starts once the worker connects: it takes its app lease, creates its queues and takes its
    /// partitions' leases, seconds after the host has started. That is start-up, not the first step's work, so
    /// the bench waits until every partition has an owner (read by the bench, not counted), and a second more.
    /// </summary>
    private async Task WaitUntilStartedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            var (rows, owned) = (0, 0);
            try
            {
                await foreach (var p in _partitions.QueryAsync<TableEntity>())
                {
                    rows++;
                    if (p.GetString("CurrentOwner") is { Length: > 0 }) owned++;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // The table is not there yet.
            }
            if (rows > 0 && owned == rows)
            {
                await Task.Delay(1000);
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The plain app's Durable backend did not own its partitions within 90 s.");
    }

    public IReadOnlyList<SentMail> Mail() => SentMail.All(SendGrid);

    public async Task<string> PostJsonAsync(string path, object body)
    {
        using var response = await Http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>
    /// Waits until an orchestration's row in the backend's Instances table says <paramref name="ready"/>
    /// (runtime status, custom status), then a little longer: the backend updates that row last in an
    /// episode's checkpoint and deletes the episode's messages just after.
    /// </summary>
    public async Task WaitForAsync(string instanceId, Func<string, string, bool> ready, TimeSpan? timeout = null)
    {
        // Generous: with the backend's defaults an event now and then waits out a 30 s polling round or two (the load
        // benchmark's plain p99 shows it), and the journey must wait for it rather than fail the run.
        timeout ??= TimeSpan.FromMinutes(3);
        var deadline = DateTime.UtcNow + timeout.Value;
        while (true)
        {
            var row = await _instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "");
            var (status, custom) = row.HasValue ? (row.Value!.GetString("RuntimeStatus") ?? "", row.Value.GetString("CustomStatus") ?? "") : ("", "");
            if (ready(status, custom)) break;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Plain app: {instanceId} still {status} '{custom}' after {timeout.Value.TotalSeconds:F0} s.");
            await Task.Delay(50);
        }
        await Task.Delay(500);
    }

    /// <summary>How many instances are still waiting for their first episode (Pending), read by the bench, not counted.</summary>
    public async Task<int> PendingAsync()
    {
        var n = 0;
        await foreach (var _ in _instances.QueryAsync<TableEntity>("RuntimeStatus eq 'Pending'", select: ["PartitionKey"])) n++;
        return n;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await SendGrid.DisposeAsync();
    }
}

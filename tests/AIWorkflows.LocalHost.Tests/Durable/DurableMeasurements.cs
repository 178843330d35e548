using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using AIWorkflows.LocalHost.Tests.Fixtures;
using AIWorkflows.LocalHost.Tests.Samples;
using AIWorkflows.Testing;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace AIWorkflows.LocalHost.Tests.Durable;

/// <summary>Runs only with LOCALHOST_MEASURE=1: the measurements behind the defaults of LocalDurableOptions (minutes of wall time).</summary>
public sealed class MeasurementAttribute : FactAttribute
{
    public MeasurementAttribute()
    {
        if (Environment.GetEnvironmentVariable("LOCALHOST_MEASURE") != "1") Skip = "A measurement: set LOCALHOST_MEASURE=1 to run it.";
    }
}

/// <summary>
/// What the backend's polling settings cost and buy on Azurite: time to the first orchestration on a
/// fresh hub, an external event's latency to the next activity after the host sat idle, and storage
/// transactions per idle minute.
/// </summary>
[Collection(UsesAzurite.Name)]
public sealed class DurableMeasurements(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly (int PollMs, int Partitions)[] Settings =
        [(100, 1), (500, 1), (1000, 1), (5000, 1), (30000, 1), (100, 4), (500, 4), (1000, 4), (5000, 4)];

    [Measurement]
    public async Task Time_to_the_first_orchestration_on_a_fresh_hub()
    {
        foreach (var (poll, partitions) in Settings)
        {
            for (var i = 0; i < 2; i++)
            {
                var clock = Stopwatch.StartNew();
                await using var app = await StartAsync(poll, partitions);
                var started = clock.ElapsedMilliseconds;
                var id = await app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleApproval.SampleEcho), "first");
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await app.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);
                Report($"first-orchestration poll={poll}ms partitions={partitions}: host started in {started} ms, first orchestration completed at {clock.ElapsedMilliseconds} ms");
            }
        }
    }

    /// <summary>The client and the backend share a process here, and the backend wakes its own poller when it enqueues: no polling delay.</summary>
    [Measurement]
    public async Task Latency_from_an_event_to_the_next_activity_after_idling()
    {
        foreach (var (poll, partitions, extended) in new[] { (100, 1, false), (1000, 1, false), (30000, 1, false), (1000, 4, false), (1000, 1, true) })
        {
            await using var app = await StartAsync(poll, partitions, extended);
            var idle = TimeSpan.FromMilliseconds(Math.Max(8000, poll + 5000));
            var latencies = new List<long>();
            var transactions = new List<long>();
            for (var i = 0; i < 2; i++)
            {
                var (id, request) = await StartWaitingAsync(app, $"e{i}", deadlineSeconds: 3600);
                await Task.Delay(idle);
                var before = app.Counter.Snapshot();
                var raised = Stopwatch.GetTimestamp();
                await app.Client.RaiseEventAsync(id, SampleApproval.DecisionMade, new SampleDecision("approve"));
                latencies.Add(await MillisecondsUntilRecordedAsync(app, request, raised));
                await WaitForCompletionAsync(app, id);
                transactions.Add(app.Counter.Since(before).Total);
            }
            Report($"event-latency poll={poll}ms partitions={partitions} extendedSessions={extended} after {idle.TotalSeconds:0}s idle: " +
                $"event->activity {string.Join("/", latencies)} ms; transactions event->completed {string.Join("/", transactions)}");
        }
    }

    /// <summary>An event enqueued by another process (another instance of the app, a script): the owner notices it by polling.</summary>
    [Measurement]
    public async Task Latency_from_an_event_sent_by_another_process_after_idling()
    {
        foreach (var (poll, partitions) in new[] { (100, 1), (500, 1), (1000, 1), (5000, 1), (30000, 1), (1000, 4) })
        {
            await using var app = await StartAsync(poll, partitions);
            using var other = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = app.Sidecar.Settings.TaskHubName,
                PartitionCount = partitions,
                StorageAccountClientProvider = new StorageAccountClientProvider(azurite.ConnectionString),
            });
            var otherClient = new TaskHubClient(other);
            var idle = TimeSpan.FromMilliseconds(Math.Max(8000, poll + 5000));
            var latencies = new List<long>();
            for (var i = 0; i < 2; i++)
            {
                var (id, request) = await StartWaitingAsync(app, $"x{i}", deadlineSeconds: 3600);
                await Task.Delay(idle);
                var raised = Stopwatch.GetTimestamp();
                await otherClient.RaiseEventAsync(new OrchestrationInstance { InstanceId = id }, SampleApproval.DecisionMade, new SampleDecision("approve"));
                latencies.Add(await MillisecondsUntilRecordedAsync(app, request, raised));
                await WaitForCompletionAsync(app, id);
            }
            Report($"event-from-another-process poll={poll}ms partitions={partitions} after {idle.TotalSeconds:0}s idle: event->activity {string.Join("/", latencies)} ms");
        }
    }

    /// <summary>A timer's message is enqueued invisible until it is due; by then the poller has backed off.</summary>
    [Measurement]
    public async Task Lateness_of_a_durable_timer_after_idling()
    {
        foreach (var (poll, partitions) in new[] { (100, 1), (500, 1), (1000, 1), (5000, 1), (30000, 1), (1000, 4), (5000, 4) })
        {
            await using var app = await StartAsync(poll, partitions);
            var seconds = poll >= 30000 ? 40 : 10;
            var lateness = new List<long>();
            for (var i = 0; i < 2; i++)
            {
                var (id, request) = await StartWaitingAsync(app, $"t{i}", deadlineSeconds: seconds);
                await app.Ledger.RecordedAt(request.Id).Task.WaitAsync(TimeSpan.FromMinutes(3));
                var ran = DateTime.UtcNow;
                var history = await app.Sidecar.Backend.GetOrchestrationHistoryAsync(id, null!);
                var fireAt = DateTime.Parse(Regex.Match(history, "\"FireAt\":\"([^\"]+)\"").Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                lateness.Add((long)(ran - fireAt).TotalMilliseconds);
                await WaitForCompletionAsync(app, id);
            }
            Report($"timer-lateness poll={poll}ms partitions={partitions} timer {seconds}s: activity ran {string.Join("/", lateness)} ms after the timer was due");
        }
    }

    [Measurement]
    public async Task Storage_transactions_per_idle_minute()
    {
        var settings = Settings.Select(s => (s.PollMs, s.Partitions, Extended: false)).Append((PollMs: 1000, Partitions: 1, Extended: true)).ToList();
        var apps = await Task.WhenAll(settings.Select(s => StartAsync(s.PollMs, s.Partitions, s.Extended)));
        try
        {
            // One orchestration each, so every hub is created, leased and has run, then settle.
            await Task.WhenAll(apps.Select(async app =>
            {
                var id = await app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleApproval.SampleEcho), "warm");
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
                await app.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);
            }));
            await Task.Delay(TimeSpan.FromSeconds(35));
            var before = apps.Select(a => a.Counter.Snapshot()).ToList();
            await Task.Delay(TimeSpan.FromMinutes(1));
            for (var i = 0; i < apps.Length; i++)
            {
                var spent = apps[i].Counter.Since(before[i]);
                var hub = apps[i].Sidecar.Settings.TaskHubName;
                Report($"idle-minute poll={settings[i].PollMs}ms partitions={settings[i].Partitions} extendedSessions={settings[i].Extended}: " +
                    $"{spent.Total} transactions ({spent.ToString().Replace(hub, "{hub}", StringComparison.Ordinal).Replace(hub.ToLowerInvariant(), "{hub}", StringComparison.Ordinal)})");
            }
        }
        finally
        {
            foreach (var app in apps) await app.DisposeAsync();
        }
    }

    private static async Task<(string Id, SampleRequest Request)> StartWaitingAsync(DurableApp app, string requestId, int deadlineSeconds)
    {
        var request = new SampleRequest(requestId, "ann@city.gov", deadlineSeconds);
        var id = await app.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleApproval.SampleApprovalOrchestration), request);
        await DurableEndToEndTests.WaitForStatusAsync(app.Client, id, "\"waiting\"");
        return (id, request);
    }

    private static async Task<long> MillisecondsUntilRecordedAsync(DurableApp app, SampleRequest request, long since)
    {
        var recorded = await app.Ledger.RecordedAt(request.Id).Task.WaitAsync(TimeSpan.FromMinutes(2));
        return (long)Stopwatch.GetElapsedTime(since, recorded).TotalMilliseconds;
    }

    private static async Task WaitForCompletionAsync(DurableApp app, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, timeout.Token);
    }

    private Task<DurableApp> StartAsync(int pollMs, int partitions, bool extendedSessions = false) =>
        DurableApp.StartAsync(azurite, AzuriteFixture.NewTaskHub(), output, o =>
        {
            o.MaxQueuePollingInterval = TimeSpan.FromMilliseconds(pollMs);
            o.PartitionCount = partitions;
            o.ExtendedSessionsEnabled = extendedSessions;
        });

    private void Report(string line)
    {
        output.WriteLine(line);
        File.AppendAllText(Path.Combine(Path.GetTempPath(), "durable-measurements.txt"), $"{DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {line}\n");
    }
}

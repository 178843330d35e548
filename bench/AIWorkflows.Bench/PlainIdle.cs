using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Testing;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 2 on the plain app: the same federal inventory imported as one eternal re-assessment
/// orchestration per tool (asleep on a durable timer, its first cycle a month away), then what the app
/// and its Durable backend cost while nothing is due, with the backend's default settings.
/// </summary>
internal static class PlainIdle
{
    // The backend's pollers back off to their 30 s ceiling; the window spans several of their rounds.
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public sealed record Result(int Rows, int Accepted, TimeSpan ImportAnswered, TimeSpan AllStarted, StorageTransactionSnapshot ImportCost,
        StorageTransactionSnapshot Idle, TimeSpan IdleWindow)
    {
        public double PerMinute => Idle.Total / IdleWindow.TotalMinutes;
    }

    /// <param name="imported">Called once every tool's orchestration sleeps, before the plain app settles.</param>
    public static async Task<Result> RunAsync(AzuriteFixture azurite, byte[] csv, Action? imported = null)
    {
        await using var plain = await PlainBenchApp.StartAsync(azurite);
        StorageTransactionSnapshot Both() => Add(plain.Counter.Snapshot(), plain.Durable.Snapshot());

        var before = Both();
        var clock = Stopwatch.StartNew();
        using var content = new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
        using var response = await plain.Http.PostAsync("/api/inventory/import", content);
        var answer = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Plain import answered {(int)response.StatusCode}: {answer}");
        var answered = clock.Elapsed;
        var counts = JsonNode.Parse(answer)!;
        // Registered means each orchestration has run its first episode and sleeps on its timer.
        while (await plain.PendingAsync() > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("The plain app's re-assessment orchestrations did not all start within 10 minutes.");
            await Task.Delay(1000);
        }
        var started = clock.Elapsed;
        var importCost = Both().Since(before);
        Console.WriteLine($"  plain import: {counts["accepted"]} tools, answered in {answered.TotalSeconds:F0} s, all asleep in {started.TotalSeconds:F0} s, {importCost.Total} transactions");
        imported?.Invoke();

        await Task.Delay(Settle);
        var from = Both();
        await Task.Delay(Window);
        return new Result((int)counts["rows"]!, (int)counts["accepted"]!, answered, started, importCost, Both().Since(from), Window);
    }

    private static StorageTransactionSnapshot Add(StorageTransactionSnapshot a, StorageTransactionSnapshot b)
    {
        var sum = new Dictionary<StorageOperation, long>(a.ByOperation);
        foreach (var (op, n) in b.ByOperation) sum[op] = sum.GetValueOrDefault(op) + n;
        return new StorageTransactionSnapshot(a.Total + b.Total, sum);
    }
}

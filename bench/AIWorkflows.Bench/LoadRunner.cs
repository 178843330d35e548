using System.Diagnostics;

namespace AIWorkflows.Bench;

/// <summary>Runs an operation from N concurrent clients until a count or a time is reached; throughput and latency percentiles.</summary>
internal static class LoadRunner
{
    public sealed record Result(int Clients, int Count, TimeSpan Took, double PerSecond, double P50Ms, double P99Ms, int Errors);

    public static async Task<Result> RunAsync(int clients, int maxCount, TimeSpan maxTime, Func<int, Task<bool>> operation)
    {
        var latencies = new List<double>[clients];
        var next = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < maxTime)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= maxCount) break;
                var started = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    ok = await operation(i);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Azure.RequestFailedException)
                {
                    ok = false;
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok) Interlocked.Increment(ref errors);
            }
        })));
        var took = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new Result(clients, all.Count, took, all.Count / took.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.99), errors);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

using System.Diagnostics;

namespace AIWorkflows.Bench;

/// <summary>Runs an operation from N concurrent clients until a count or a time is reached; throughput and latency percentiles.</summary>
internal static class LoadRunner
{
    public sealed record Result(int Clients, int Count, TimeSpan Took, double PerSecond, double P50Ms, double P99Ms, int Errors);

    /// <param name="progressEvery">When set, prints the count and rate every so many operations (a long run shows it is moving) and calls <paramref name="onProgress"/>.</param>
    public static async Task<Result> RunAsync(
        int clients, int maxCount, TimeSpan maxTime, Func<int, Task<bool>> operation, int progressEvery = 0, Func<int, string>? onProgress = null)
    {
        var done = 0;
        var lastMark = TimeSpan.Zero;
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
                if (progressEvery > 0 && Interlocked.Increment(ref done) % progressEvery == 0)
                {
                    var now = clock.Elapsed;
                    var previous = lastMark;
                    lastMark = now;
                    var more = onProgress?.Invoke(done) is { } extra ? $", {extra}" : "";
                    Console.WriteLine($"  {done:N0} done in {now.TotalSeconds:F0} s (last {progressEvery:N0}: {progressEvery / (now - previous).TotalSeconds:F0}/s{more})");
                }
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

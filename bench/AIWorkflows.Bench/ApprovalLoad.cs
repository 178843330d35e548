using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AIWorkflows.Testing;

namespace AIWorkflows.Bench;

/// <summary>
/// Benchmark 6 (issue 18's 4 and 5): complete high-tier approvals per second at 1, 4 and 16 concurrent requesters,
/// ours and the plain app, each in this process on the same Azurite; and the latency from a reviewer's POST to the
/// next mail it causes (the director's review to the next three review requests; the last review to the outcome).
/// Each requester submits, then acts as each reviewer through the emailed links, one approval after another.
/// </summary>
internal static partial class ApprovalLoad
{
    public static readonly int[] Clients = [1, 4, 16];
    private static readonly TimeSpan PerLevel = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan PerApproval = TimeSpan.FromSeconds(60);

    public sealed record Level(
        int Clients, LoadRunner.Result Approvals, double ReviewP50Ms, double ReviewP99Ms, IReadOnlyList<(string Phase, double MedianMs)> Phases, int Busy);

    private static int _busy;

    // Where an approval's time goes, phase by phase (medians per level), so a slow app shows which wait is slow.
    private static readonly string[] PhaseNames =
        ["submit POST", "→ director's mail", "director's review POST", "→ the other three mails", "three review POSTs", "→ outcome mail"];

    /// <summary>How one app is driven: submit a request for a tool name, post a review link, and its mails' wording.</summary>
    public sealed record Target(Func<string, Task> Submit, Func<SentMail, Task> Review, string ReviewSubject, string OutcomeSubject, MailIndex Mail);

    public static async Task RunAsync(AzuriteFixture azurite, Report report)
    {
        var ours = await OursAsync(azurite);
        var plain = await PlainAsync(azurite);
        var (o16, p16) = (ours.Single(l => l.Clients == 16), plain.Single(l => l.Clients == 16));
        var rateMet = o16.Approvals.PerSecond >= 1.5 * p16.Approvals.PerSecond;
        report.Target("6. approvals under load", "complete approvals per second at 16 requesters (ours; plain)",
            $"{o16.Approvals.PerSecond:F2}; {p16.Approvals.PerSecond:F2}", "ours ≥ 1.5 × plain", rateMet);
        report.Target("6. approvals under load", "p99, a reviewer's POST to the next mail, 16 requesters (ours; plain)",
            $"{o16.ReviewP99Ms:F0} ms; {p16.ReviewP99Ms:F0} ms", "< 1 s", o16.ReviewP99Ms < 1000);
        report.Compare("approvals completed per second, 16 concurrent requesters", o16.Approvals.PerSecond, p16.Approvals.PerSecond, "F2", ("≥ 1.5", rateMet));
        report.Compare("p99 ms, a reviewer's POST to the next mail, 16 requesters", o16.ReviewP99Ms, p16.ReviewP99Ms, "F0", null);
        report.Figure("approvals_per_s_16", o16.Approvals.PerSecond);
        report.Figure("approvals_per_s_16_plain", p16.Approvals.PerSecond);
        report.Figure("p99_ms_16", o16.ReviewP99Ms);
        report.Figure("p99_ms_16_plain", p16.ReviewP99Ms);
        string[] Row(string app, Level l) => [app, $"{l.Clients}", $"{l.Approvals.Count}", $"{l.Approvals.Errors}", $"{l.Busy}", $"{l.Approvals.PerSecond:F2}",
            $"{l.Approvals.P50Ms:F0}", $"{l.Approvals.P99Ms:F0}", $"{l.ReviewP50Ms:F0}", $"{l.ReviewP99Ms:F0}"];
        report.Section("6. Approvals under load",
            "Each requester submits a high-tier request for a tool of its own name, then acts as each reviewer in turn through the emailed links "
            + "(the director; then, once the next three review mails have arrived, the AI officer, security officer and city attorney), and waits for the "
            + $"outcome mail; then starts the next. {PerLevel.TotalSeconds:F0} s per level, after 8 approvals of warm-up. Both apps run in the bench's process "
            + $"on Kestrel (ours with host.json's settings, {AzureDurableSettings.FromHostJson().Describe()}; the plain app with the backend's defaults), mail through "
            + "SendGrid's client to a local listener; client, apps, Azurite and listener share the machine's cores. The review latency is from a review's "
            + "POST to the first mail it causes: the director's to the next review request, the last reviewer's to the outcome (the mail listener polled "
            + "every 5 ms). The approval latency is the whole journey, reviewers' think time nil. Ours answers a review 503 when its workflow has not "
            + "decided it in time (the review is queued and will be decided): the requester goes on waiting for the next mail, and the 503s are counted.\n\n"
            + Report.Table(["app", "requesters", "approvals", "errors", "reviews answered 503 (busy)", "approvals/s", "approval p50 ms", "approval p99 ms", "review→mail p50 ms", "review→mail p99 ms"],
                ours.Select(l => Row("ours", l)).Concat(plain.Select(l => Row("plain", l))))
            + "\nWhere an approval's time goes (median ms of each phase, ours ÷ plain, by requesters):\n\n"
            + Report.Table(["phase", .. Clients.Select(c => $"{c} requester{(c == 1 ? "" : "s")}")],
                PhaseNames.Select((name, i) => (IEnumerable<string>)[name, .. ours.Zip(plain, (o, p) => $"{o.Phases[i].MedianMs:F0} ÷ {p.Phases[i].MedianMs:F0}")])));
    }

    public static async Task<IReadOnlyList<Level>> OursAsync(AzuriteFixture azurite)
    {
        await using var bench = await BenchApp.StartAsync(azurite, AzureDurableSettings.FromHostJson().AsLocalDurable());
        var http = bench.App.Http();
        var target = new Target(
            async name => await http.SubmitAsync(Request(name)),
            async mail =>
            {
                using var r = await http.PostFormAsync(mail.LinkPath("/tasks/"), ("decision", "approve"), ("comments", "ok"));
                // 503 from a workflow that has not answered in time: the review is received and queued (WorkflowBusyException),
                // so the reviewer is done; the approval goes on and its next mail is still awaited. Counted, not an error.
                if (r.StatusCode == HttpStatusCode.ServiceUnavailable) Interlocked.Increment(ref _busy);
                else if (r.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Review answered {(int)r.StatusCode}.");
            },
            "Decision needed", "Approved:", new MailIndex(bench.SendGrid, TokenOf));
        return await LevelsAsync(target);
    }

    public static async Task<IReadOnlyList<Level>> PlainAsync(AzuriteFixture azurite)
    {
        await using var plain = await PlainBenchApp.StartAsync(azurite);
        var target = new Target(
            async name => await plain.PostJsonAsync("/api/requests", Request(name)),
            async mail => await plain.PostJsonAsync(mail.LinkPath("/reviews/"), new { decision = "approve", comments = "ok" }),
            "Decision needed", "Request approved:", new MailIndex(plain.SendGrid, TokenOf));
        return await LevelsAsync(target);
    }

    private static async Task<IReadOnlyList<Level>> LevelsAsync(Target target)
    {
        var next = 0;
        // Warm-up, not measured: connections, the JIT, the engine's first work items.
        await LoadRunner.RunAsync(4, 8, TimeSpan.FromSeconds(60), _ => ApproveAsync(target, Interlocked.Increment(ref next), [], []));
        var levels = new List<Level>();
        foreach (var clients in Clients)
        {
            var reviews = new ConcurrentBag<double>();
            Interlocked.Exchange(ref _busy, 0);
            var phases = new ConcurrentBag<double[]>();
            var result = await LoadRunner.RunAsync(clients, 1000, PerLevel, _ => ApproveAsync(target, Interlocked.Increment(ref next), reviews, phases));
            var sorted = reviews.Order().ToList();
            var medians = PhaseNames.Select((name, i) => (name, Percentile([.. phases.Select(p => p[i]).Order()], 0.5))).ToList();
            levels.Add(new Level(clients, result, Percentile(sorted, 0.50), Percentile(sorted, 0.99), medians, Volatile.Read(ref _busy)));
            Console.WriteLine($"  {clients} requesters: {result.PerSecond:F2} approvals/s, approval p50 {result.P50Ms:F0} ms, review→mail p99 {Percentile(sorted, 0.99):F0} ms, {result.Errors} errors");
        }
        return levels;
    }

    private static async Task<bool> ApproveAsync(Target t, int n, ConcurrentBag<double> reviewLatencies, ConcurrentBag<double[]> phases)
    {
        try
        {
            return await ApproveOnceAsync(t, n, reviewLatencies, phases);
        }
        catch (Exception e)
        {
            // Counted as an error of the level; the first words say which.
            Console.WriteLine($"  approval {n} failed: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return false;
        }
    }

    /// <summary>One complete approval: submit, the director, then the three others; true once the outcome mail arrives.</summary>
    private static async Task<bool> ApproveOnceAsync(Target t, int n, ConcurrentBag<double> reviewLatencies, ConcurrentBag<double[]> phases)
    {
        var took = new double[PhaseNames.Length];
        var phase = Stopwatch.StartNew();
        void Mark(int i)
        {
            took[i] = phase.Elapsed.TotalMilliseconds;
            phase.Restart();
        }
        var token = $"LT{n:D6}x";
        var deadline = Stopwatch.StartNew();
        List<SentMail> Reviews() => [.. t.Mail.For(token).Where(m => m.Subject.Contains(t.ReviewSubject, StringComparison.Ordinal))];
        bool Outcome() => t.Mail.For(token).Any(m => m.Subject.Contains(t.OutcomeSubject, StringComparison.Ordinal));
        async Task Until(Func<bool> done)
        {
            while (!done())
            {
                if (deadline.Elapsed > PerApproval) throw new TimeoutException($"Approval {token} took over {PerApproval.TotalSeconds:F0} s.");
                await Task.Delay(5);
            }
        }

        await t.Submit(ToolName(token));
        Mark(0);
        await Until(() => Reviews().Count >= 1);
        Mark(1);
        var clock = Stopwatch.StartNew();
        await t.Review(Reviews()[0]);
        Mark(2);
        await Until(() => Reviews().Count >= 2);
        reviewLatencies.Add(clock.Elapsed.TotalMilliseconds);
        await Until(() => Reviews().Count >= 4);
        Mark(3);
        var others = Reviews().Skip(1).ToList();
        foreach (var mail in others.SkipLast(1)) await t.Review(mail);
        clock.Restart();
        await t.Review(others[^1]);
        Mark(4);
        await Until(Outcome);
        Mark(5);
        reviewLatencies.Add(clock.Elapsed.TotalMilliseconds);
        phases.Add(took);
        return true;
    }

    private static string ToolName(string token) => $"Load tool {token}";

    private static JsonObject Request(string name)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(AppClient.HighRiskRequest()))!.AsObject();
        body["toolName"] = name;
        return body;
    }

    private static string? TokenOf(string subject) => Token().Match(subject) is { Success: true } m ? m.Value : null;

    [GeneratedRegex("LT[0-9]{6}x")]
    private static partial Regex Token();

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

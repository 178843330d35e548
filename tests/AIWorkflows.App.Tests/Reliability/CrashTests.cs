using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using Azure.Data.Tables;
using Xunit.Abstractions;

namespace AIWorkflows.App.Tests.Reliability;

/// <summary>
/// The app process is SIGKILLed at random moments while clients submit 200 requests and decide
/// their two reviews each (600 acknowledged operations), and started again on the same storage each
/// time: <see cref="Kills"/> kills at random points spread over the whole run (chosen by progress, so
/// they spread however fast the machine is), and one more after it. Afterwards every request that was
/// acknowledged with 201 exists, every decision acknowledged with 200 is in its timeline, and every mail
/// its committed events require reached the SendGrid listener, and no other mail did.
/// <para>
/// What "exactly once" honestly means here: at least once, and a second time only for a mail that was
/// in flight when its process died. The outbox row is deleted after SendGrid accepts the mail, and
/// SendGrid has no idempotency key, so a process killed between SendGrid's 202 and that delete leaves a
/// row that the next process sends again. The dispatcher keeps that window small (a commit's mail goes
/// after its other effects, so only the other mails and one delete stand between), but no order of
/// writes closes it; only the receiver can, so every mail carries its outbox effect id as the custom arg
/// <c>message_id</c> (SendGrid echoes it in its event webhook) for de-duplication. The test therefore
/// demands: each required mail delivered, nothing else delivered, each repeat explained by a kill within
/// <see cref="InFlightSlack"/> of the first copy and before the repeat, over another connection, and per
/// kill no more repeats than mails could have been in flight at it: those first delivered within the
/// slack of it, and at most one commit's mails per client plus one instance the sweep runs.
/// </para>
/// </summary>
[Collection(OnAzurite.Name)]
public sealed class CrashTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Submissions = 200;
    private const int Operations = Submissions * 3; // a submission and its two decisions
    private const int Clients = 6;
    private const int Kills = 9;
    // The most mails one commit sends here (received + two review requests); at most one commit per
    // client and one instance of the sweep's is dispatching when a kill falls.
    private const int MailsPerCommit = 3;
    private const int InFlightCapacity = (Clients + 1) * MailsPerCommit;
    // How far apart a kill and the first copy of a mail it repeats may be: the listener may read a dying
    // process's last write seconds after the kill, and under load the row's delete may lag the send.
    private static readonly TimeSpan InFlightSlack = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180); // generous: a busy CI machine restarts the app slowly

    // Each of these timeline entries sends one mail with the id "{request}-{seq}-…" (ToolApprovalEffects).
    private static readonly HashSet<string> Mailing =
        ["submitted", "review_opened", "review_reminded", "review_escalated", "remediation_requested", "approved", "rejected"];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task GivenSubmissionsAndDecisions_WhenTheAppIsKilledAtRandomMoments_ThenNothingAcknowledgedIsLostAndEachRequiredMailIsSent()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_SEED"), CultureInfo.InvariantCulture, out var s) ? s : Random.Shared.Next();
        output.WriteLine($"seed {seed} (set CRASH_SEED={seed} to repeat these kill points and delays)");
        var random = new Random(seed);
        // Kill k falls at a random point of the k-th of Kills + 1 equal stretches of the run, after a random delay.
        var killAt = Enumerable.Range(0, Kills)
            .Select(k => (Progress: (int)(Operations * (k + random.NextDouble()) / (Kills + 1)), DelayMs: random.Next(0, 1000), DownMs: random.Next(100, 1000)))
            .ToList();
        output.WriteLine($"kills after operations {string.Join(", ", killAt.Select(k => $"{k.Progress} (+{k.DelayMs} ms, down {k.DownMs} ms)"))} of {Operations}");
        await using var sendGrid = await SendGridSink.StartAsync();
        var prefix = AzuriteFixture.NewTablePrefix();
        var settings = new Dictionary<string, string?>(sendGrid.Settings)
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Tokens:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["LocalTimers:Schedules:WakeSleepingWorkflows"] = "* * * * * *",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        // As ./run serves it: Development, the local host's own build.
        await using var app = new AppProcess(AppProcess.LocalHostDll, AppProcess.Variables(settings.Append(KeyValuePair.Create("ASPNETCORE_ENVIRONMENT", (string?)"Development"))));
        await app.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        var acknowledged = new ConcurrentDictionary<string, int>();
        var decisions = new ConcurrentDictionary<string, int>();
        var kills = new List<DateTimeOffset>();
        var progress = new StrongBox<int>(0);
        var started = DateTime.UtcNow;
        var next = -1;
        var clients = Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < Submissions;)
            {
                var id = await SubmitAsync(http, i);
                acknowledged[id] = i;
                Interlocked.Increment(ref progress.Value);
                decisions[id] = await DecideAsync(http, sendGrid, id, progress);
            }
        })));
        var killer = Task.Run(async () =>
        {
            foreach (var (at, delayMs, downMs) in killAt)
            {
                while (Volatile.Read(ref progress.Value) < at && !clients.IsCompleted) await Task.Delay(50);
                if (clients.IsCompleted) return;
                await Task.Delay(delayMs);
                lock (kills) kills.Add(DateTimeOffset.UtcNow);
                app.Kill();
                await Task.Delay(downMs);
                await app.StartAsync();
            }
        });
        await Task.WhenAll(clients, killer);
        Assert.True(kills.Count == Kills, $"only {kills.Count} of {Kills} kills fell within the run");
        output.WriteLine($"{Submissions} submissions and {decisions.Values.Sum()} decisions acknowledged in {(DateTime.UtcNow - started).TotalSeconds:F0} s across {app.Starts} app processes");

        // A last restart, then sweeps until the outbox is empty: whatever the dead processes left is sent now.
        lock (kills) kills.Add(DateTimeOffset.UtcNow);
        app.Kill();
        await app.StartAsync();
        await DrainAsync(http, prefix);

        foreach (var line in app.Output().Split('\n').Where(l => l.Contains("failed", StringComparison.OrdinalIgnoreCase)).TakeLast(20))
            output.WriteLine(line);
        var deliveries = sendGrid.Deliveries.ToList();
        var repeatsAt = kills.ToDictionary(k => k, _ => new List<TimeSpan>()); // each repeat's first copy, relative to its kill
        foreach (var (id, submission) in acknowledged)
        {
            var request = await http.GetRequestAsync(id); // exists (GetStringAsync fails on 404)
            var timeline = request["timeline"]!.AsArray().Select(e => (Seq: (long)e!["seq"]!, Type: (string)e["type"]!)).ToList();
            Assert.True(timeline.Count(e => e.Type == "review_recorded") >= decisions[id], $"{id}: a decision acknowledged with 200 is missing");
            var required = timeline.Where(e => Mailing.Contains(e.Type)).Select(e => $"{id}-{e.Seq}-").ToList();
            var sent = deliveries.Where(d => d.MessageId.StartsWith(id + "-", StringComparison.Ordinal)).GroupBy(d => d.MessageId).ToList();
            Assert.Equal(required.Order(), sent.Select(g => g.Key[..(g.Key.IndexOf('-', id.Length + 1) + 1)]).Order());
            foreach (var mail in sent.Where(g => g.Count() > 1))
            {
                var times = mail.OrderBy(d => d.At).ToList();
                for (var r = 1; r < times.Count; r++)
                {
                    // The kill that left the row behind fell within the slack of the first copy (a dying process's
                    // last write may be read after the kill; the row's delete may lag the send) and before the repeat.
                    var (first, again) = (times[r - 1], times[r]);
                    var candidates = kills.Where(k => first.At - InFlightSlack <= k && k <= first.At + InFlightSlack && k < again.At).ToList();
                    Assert.True(candidates.Count > 0 && first.Connection != again.Connection,
                        $"{mail.Key} was delivered again at {again.At:O} with no crash within {InFlightSlack.TotalSeconds} s of its first copy at {first.At:O}");
                    // Charged to the nearest such kill: the dying process's last sends lie just before it.
                    var cause = candidates.MinBy(k => (k - first.At).Duration());
                    repeatsAt[cause].Add(first.At - cause);
                }
            }
        }
        Assert.All(deliveries, d => Assert.True(acknowledged.ContainsKey(d.MessageId[..20]), $"mail {d.MessageId} is for no acknowledged request"));
        var firstCopies = deliveries.GroupBy(d => d.MessageId).Select(g => g.Min(d => d.At)).ToList();
        for (var k = 0; k < kills.Count; k++)
        {
            var kill = kills[k];
            var near = firstCopies.Count(at => kill - InFlightSlack <= at && at <= kill + InFlightSlack);
            var bound = Math.Min(near, InFlightCapacity);
            var repeats = repeatsAt[kill];
            var offsets = repeats.Count == 0 ? "" : $" (first copies at {string.Join(", ", repeats.Order().Select(t => $"{t.TotalSeconds:+0.000;-0.000}"))} s of it)";
            output.WriteLine($"kill {k + 1} at {(kill.UtcDateTime - started).TotalSeconds:F1} s: {repeats.Count} repeat(s){offsets}; "
                + $"bound {bound} ({near} mails first delivered within {InFlightSlack.TotalSeconds} s of it, capacity {InFlightCapacity})");
            Assert.True(repeats.Count <= bound, $"kill {k + 1} at {kill:O} was followed by {repeats.Count} repeats, more than the {bound} mails that could have been in flight");
        }
        output.WriteLine($"{deliveries.Count} deliveries of {deliveries.Select(d => d.MessageId).Distinct().Count()} mails; {repeatsAt.Values.Sum(r => r.Count)} repeat(s) after {kills.Count} kill(s)");
    }

    private static object Body(int i) => new
    {
        toolName = $"Crash Test Tool {i}",
        vendor = "Acme AI",
        department = "Utilities",
        requesterEmail = $"requester{i:D3}@cityofsacramento.example",
        purpose = "Draft replies to routine public questions about utility billing.",
        humanOversight = "A clerk reads and edits every draft before it is sent.",
        dataCategories = new[] { "public" },
        publicFacing = false,
        generativeAi = false,
        affectsWorkingConditions = false,
        impersonation = false,
        lawEnforcement = false,
        decisionImpact = "assistive",
        stage = "pilot",
        answers = AppClient.SacramentoAnswers(),
    };

    /// <summary>As a careful client does: the same Idempotency-Key until the app says 201.</summary>
    private static async Task<string> SubmitAsync(HttpClient http, int i)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(Body(i)) };
                request.Headers.Add("Idempotency-Key", $"crash-{i}");
                request.AsRequesterOf(http, Body(i));
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Created) return (string)JsonNode.Parse(text)!["id"]!;
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"submission {i}: {(int)response.StatusCode} {text}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The process died under the request: try again once it is back.
            }
            Assert.True(DateTime.UtcNow < until, $"submission {i} was not acknowledged within {Patience.TotalSeconds} s");
            await Task.Delay(200);
        }
    }

    /// <summary>Approves each review mail of the request as it arrives, until the outcome mail; returns the decisions acknowledged.</summary>
    private static async Task<int> DecideAsync(HttpClient http, SendGridSink sendGrid, string id, StrongBox<int> progress)
    {
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var acknowledged = 0;
        var until = DateTime.UtcNow + Patience;
        while (!sendGrid.Deliveries.Any(d => d.MessageId.StartsWith(id + "-", StringComparison.Ordinal) && d.MessageId.EndsWith("-outcome", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < until, $"{id} got no outcome mail within {Patience.TotalSeconds} s");
            var open = sendGrid.Deliveries.Where(d => d.MessageId.StartsWith(id + "-", StringComparison.Ordinal)
                && d.Subject.Contains("Decision needed", StringComparison.Ordinal) && !decided.Contains(d.MessageId)).ToList();
            foreach (var mail in open)
            {
                try
                {
                    using var response = await http.PostFormAsync(Assert.Single(mail.Paths("/tasks/")), ("decision", "approve"), ("comments", "fine"));
                    var text = await response.Content.ReadAsStringAsync();
                    // 410 "already decided": the decision of a request cut off by a crash was recorded after all.
                    Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Gone or HttpStatusCode.ServiceUnavailable,
                        $"decision on {mail.MessageId}: {(int)response.StatusCode} {text[..Math.Min(400, text.Length)]}");
                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable) continue;
                    decided.Add(mail.MessageId);
                    Interlocked.Increment(ref progress.Value);
                    if (response.StatusCode == HttpStatusCode.OK) acknowledged++;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Died under the request; the next round tries this mail again.
                }
            }
            await Task.Delay(100);
        }
        return acknowledged;
    }

    /// <summary>Sweeps until no outbox row is left in any instance.</summary>
    private async Task DrainAsync(HttpClient http, string prefix)
    {
        var table = new TableClient(azurite.ConnectionString, prefix + "Workflows");
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"out-"} and RowKey lt {"out."}");
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            await http.SweepAsync();
            var left = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"])) left++;
            if (left == 0) return;
            Assert.True(DateTime.UtcNow < until, $"{left} outbox row(s) still pending after {Patience.TotalSeconds} s of sweeps");
            await Task.Delay(500);
        }
    }
}

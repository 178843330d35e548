using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using Xunit.Abstractions;

namespace AIWorkflows.App.Tests.Reliability;

/// <summary>
/// Storage goes away under load and comes back: meanwhile every answer is a 503 with Retry-After
/// (problem+json for the API, a plain page for people), none a 500 or a stack trace, none hangs;
/// afterwards the same app serves again by itself and everything it acknowledged is there.
/// </summary>
[Collection(OnAzurite.Name)]
public sealed class StorageOutageTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private sealed record Answer(string Kind, HttpStatusCode Status, string? MediaType, string? RetryAfter, string Body, TimeSpan Took, string? CreatedId);

    /// <summary>Storage refuses connections: each answer waits out only the SDK's few quick retries.</summary>
    [Fact]
    [Trait("Category", "Slow")]
    public Task GivenLoad_WhenStorageStopsAndRestarts_ThenTheAppAnswers503MeanwhileRecoversByItselfAndLosesNothingAcknowledged() =>
        RunOutageAsync(s => s.StopAsync(), s => s.StartAgainAsync(), TimeSpan.FromSeconds(6), slowest: TimeSpan.FromSeconds(15));

    /// <summary>
    /// A hung service (connections accepted, no answers) is worse than a dead one: with the SDK's
    /// defaults each storage call would wait 100 s per try, four tries. Frozen longer than the bounded
    /// tries last (10 s, twice, so 30 s leaves a slow machine room), a request that reaches storage is
    /// answered 503 before it comes back; one that committed just before and then waits on its effects'
    /// storage calls (blobs: 30 s a try) is answered within a minute.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public Task GivenLoad_WhenStorageHangs_ThenRequestsAreAnswered503InSecondsNotMinutes() =>
        RunOutageAsync(s => s.FreezeAsync(), s => s.ThawAsync(), TimeSpan.FromSeconds(30), slowest: TimeSpan.FromSeconds(60));

    private async Task RunOutageAsync(Func<StoppableAzurite, Task> takeAway, Func<StoppableAzurite, Task> giveBack, TimeSpan outage, TimeSpan slowest)
    {
        await using var storage = await StoppableAzurite.StartAsync();
        await using var app = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?> { ["Storage:ConnectionString"] = storage.ConnectionString });
        using var http = app.Http();
        http.Timeout = TimeSpan.FromSeconds(120); // a hang shows up as a slow answer below, not as a client timeout
        var seed = (string)(await http.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;

        var answers = new ConcurrentQueue<(string Phase, Answer Answer)>();
        var phase = "before";
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var current = phase;
                answers.Enqueue((current, await AskAsync(http, (w + n) % 4, seed, $"outage-{w}-{n}")));
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await takeAway(storage);
        phase = "outage";
        // Fresh reads sent as storage goes, apart from the load: the load's four workers may all be
        // waiting out an effect's blob try (30 s) that outlasts the freeze and then succeeds, which is
        // right for a request already committed, and then none of the load is answered during the outage.
        var probes = new[] { 1, 2 }.Select(kind => AskAsync(http, kind, seed, "probe")).ToList();
        await Task.Delay(outage);
        var probedBeforeRestore = probes.Where(p => p.IsCompleted).Select(p => p.Result).ToList();
        phase = "restoring";
        await giveBack(storage);
        phase = "after";
        var recoveredIn = Stopwatch.StartNew();
        while (!answers.Any(a => a.Phase == "after" && a.Answer.Status == HttpStatusCode.Created) && recoveredIn.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(100);
        var recovery = recoveredIn.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        var all = answers.ToList();
        foreach (var group in all.GroupBy(a => (a.Phase, a.Answer.Kind, a.Answer.Status)).OrderBy(g => g.Key.ToString()))
            output.WriteLine($"{group.Key.Phase,-10} {group.Key.Kind,-9} {(int)group.Key.Status}: {group.Count()}, slowest {group.Max(a => a.Answer.Took).TotalSeconds:F1} s");
        output.WriteLine($"first 201 after the restart: {recovery.TotalSeconds:F1} s");

        var probed = await Task.WhenAll(probes);
        foreach (var p in probed)
            output.WriteLine($"probe      {p.Kind,-9} {(int)p.Status}, took {p.Took.TotalSeconds:F1} s");
        // A request that reaches storage while it is gone is answered 503 before storage comes back.
        Assert.Equal(probes.Count, probedBeforeRestore.Count);
        Assert.All(probed, p => Assert.Equal(HttpStatusCode.ServiceUnavailable, p.Status));
        all.AddRange(probed.Select(p => ("outage", p)));
        Assert.True(recovery < TimeSpan.FromSeconds(60), "no request was acknowledged within 60 s of storage coming back");
        Assert.Contains(all, a => a.Phase == "after" && a.Answer.Kind == "page" && a.Answer.Status == HttpStatusCode.OK);
        foreach (var (_, a) in all)
        {
            Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable,
                $"{a.Kind} answered {(int)a.Status}: {a.Body[..Math.Min(400, a.Body.Length)]}");
            Assert.DoesNotContain("Exception", a.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", a.Body, StringComparison.Ordinal);
            // Waiting out the SDK's retries is fine; hanging for a minute is not.
            Assert.True(a.Took < slowest, $"{a.Kind} took {a.Took.TotalSeconds:F1} s");
            if (a.Status != HttpStatusCode.ServiceUnavailable) continue;
            Assert.NotNull(a.RetryAfter);
            if (a.Kind is "page" or "register")
            {
                Assert.Equal("text/html", a.MediaType);
                Assert.Contains("briefly unavailable", a.Body, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("application/problem+json", a.MediaType);
                Assert.Equal(503, (int)JsonNode.Parse(a.Body)!["status"]!);
            }
        }

        // Nothing acknowledged is lost: each 201 is stored, and its mail goes out once storage is back.
        var acknowledged = all.Select(a => a.Answer.CreatedId).OfType<string>().Append(seed).Distinct().ToList();
        Assert.True(acknowledged.Count > 2, $"only {acknowledged.Count} request(s) were acknowledged");
        foreach (var id in acknowledged)
            Assert.Equal(id, (string)(await http.GetRequestAsync(id))["id"]!);
        app.Clock.Advance(TimeSpan.FromHours(2)); // past the back-off of effects that failed during the outage
        await http.SweepAsync();
        var mailed = (await http.MailAsync()).Select(m => m.Id).ToHashSet();
        Assert.All(acknowledged, id => Assert.Contains($"{id}-1-received", mailed));
    }

    private static async Task<Answer> AskAsync(HttpClient http, int kind, string seed, string key)
    {
        using var request = kind switch
        {
            0 => new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(AppClient.HighRiskRequest()), Headers = { { "Idempotency-Key", key }, { "X-Dev-User", AppClient.Staff } } },
            1 => new HttpRequestMessage(HttpMethod.Get, $"/api/requests/{seed}"),
            2 => new HttpRequestMessage(HttpMethod.Get, $"/requests/{seed}") { Headers = { { "Accept", "text/html" } } },
            _ => new HttpRequestMessage(HttpMethod.Get, "/inventory") { Headers = { { "Accept", "text/html" } } },
        };
        var watch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var created = response.StatusCode == HttpStatusCode.Created ? (string?)JsonNode.Parse(body)!["id"] : null;
        return new Answer(
            kind switch { 0 => "submit", 1 => "api-get", 2 => "page", _ => "register" },
            response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Headers.RetryAfter?.ToString(), body, watch.Elapsed, created);
    }
}

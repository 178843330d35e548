using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Reliability;

/// <summary>
/// Many reviewers deciding one request at the same moment, through two app instances on the same
/// storage (so the race is settled by the state row's ETag, not only by one process's lock): every
/// decision is recorded once, versions have no gaps, and the request has exactly one outcome.
/// </summary>
[Collection(OnAzurite.Name)]
public sealed class ConcurrentDecisionTests(AzuriteFixture azurite)
{
    private const int Reviewers = 64;

    [Fact]
    public async Task GivenARequestWith64Reviewers_WhenAllDecideAtOnce_ThenEveryDecisionIsRecordedAndThereIsExactlyOneOutcome()
    {
        using var pack = new PanelPack(Reviewers);
        await using var sendGrid = await SendGridSink.StartAsync();
        var (one, two) = TwoInstances(pack, sendGrid);
        await using var _ = one;
        await using var __ = two;
        using var http1 = one.Http();
        using var http2 = two.Http();

        var id = (string)(await http1.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;
        await sendGrid.WaitForAsync(d => d.Count(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)) >= Reviewers,
            TimeSpan.FromSeconds(60), $"{Reviewers} review mails");
        var links = sendGrid.With("Decision needed").Select(m => (m.To, Path: Assert.Single(m.Paths("/tasks/")))).ToList();
        Assert.Equal(Reviewers, links.Select(l => l.To).Distinct().Count());

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = links.Select(async (l, i) =>
        {
            await go.Task;
            using var response = await (i % 2 == 0 ? http1 : http2).PostFormAsync(l.Path, ("decision", "approve"), ("comments", $"fine by {l.To}"));
            return (l.To, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK, $"{a.To}: {(int)a.StatusCode} {a.Body[..Math.Min(300, a.Body.Length)]}"));
        var request = await http2.GetRequestAsync(id, AppClient.Officer);
        Assert.Equal("approved", (string)request["status"]!);
        var timeline = request["timeline"]!.AsArray().Select(e => (Seq: (long)e!["seq"]!, Type: (string)e["type"]!)).ToList();
        Assert.Equal(Enumerable.Range(1, timeline.Count).Select(i => (long)i), timeline.Select(e => e.Seq));
        Assert.Equal(Reviewers, timeline.Count(e => e.Type == "review_recorded"));
        Assert.Single(timeline, e => e.Type == "approved");
        Assert.All(request["reviews"]!.AsArray(), r => Assert.Equal("approve", (string)r!["decision"]!));
        Assert.Equal(links.Select(l => l.To).Order(), request["reviews"]!.AsArray().Select(r => (string)r!["reviewer"]!).Order());

        await sendGrid.WaitForAsync(d => d.Any(m => m.Subject.Contains("Approved:", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the outcome mail");
        await http1.SweepAsync();
        await http2.SweepAsync();
        Assert.Single(sendGrid.With("Approved:"));
        Assert.Equal(Reviewers, sendGrid.With("Decision needed").Count);
        Assert.Single(sendGrid.With("Received:"));
        Assert.Empty(await OutboxRowsAsync(one, id));
    }

    [Fact]
    public async Task GivenOneReviewer_WhenTheyPostTwiceAtOnce_ThenOneDecisionIsRecordedAndTheOtherIsRefusedClearly()
    {
        const int reviewers = 8;
        using var pack = new PanelPack(reviewers);
        await using var sendGrid = await SendGridSink.StartAsync();
        var (one, two) = TwoInstances(pack, sendGrid);
        await using var _ = one;
        await using var __ = two;
        using var http1 = one.Http();
        using var http2 = two.Http();

        var id = (string)(await http1.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;
        await sendGrid.WaitForAsync(d => d.Count(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)) >= reviewers,
            TimeSpan.FromSeconds(30), "the review mails");
        var paths = sendGrid.With("Decision needed").Select(m => Assert.Single(m.Paths("/tasks/"))).ToList();

        // Each reviewer double-submits: the form through one instance, the JSON API through the other, at once.
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pairs = paths.Select(async (path, i) =>
        {
            await go.Task;
            var (formApp, jsonApp) = i % 2 == 0 ? (http1, http2) : (http2, http1);
            var form = Task.Run(async () =>
            {
                using var r = await formApp.PostFormAsync(path, ("decision", "approve_with_conditions"), ("comments", "only after training"));
                return (r.StatusCode, Type: r.Content.Headers.ContentType?.MediaType, Body: await r.Content.ReadAsStringAsync());
            });
            var json = Task.Run(async () =>
            {
                using var r = await jsonApp.PostAsJsonAsync($"/api{path}/decision", new { decision = "approve", comments = "" });
                return (r.StatusCode, Type: r.Content.Headers.ContentType?.MediaType, Body: await r.Content.ReadAsStringAsync());
            });
            return (Form: await form, Json: await json);
        }).ToList();
        go.SetResult();
        var answers = await Task.WhenAll(pairs);

        foreach (var (form, json) in answers)
        {
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Gone], new[] { form.StatusCode, json.StatusCode }.Order());
            var refused = form.StatusCode == HttpStatusCode.Gone ? form : json;
            if (refused == json)
            {
                Assert.Equal("application/problem+json", json.Type);
                var problem = JsonNode.Parse(json.Body)!;
                Assert.Equal("Your decision was not recorded", (string)problem["title"]!);
                Assert.Contains("already", (string)problem["detail"]!, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("text/html", form.Type);
                Assert.Contains("Your decision was not recorded", form.Body, StringComparison.Ordinal);
                Assert.Contains("already", form.Body, StringComparison.Ordinal);
            }
            Assert.DoesNotContain("Exception", refused.Body, StringComparison.Ordinal);
        }

        var request = await http1.GetRequestAsync(id);
        var timeline = request["timeline"]!.AsArray().Select(e => (string)e!["type"]!).ToList();
        Assert.Equal(reviewers, timeline.Count(t => t == "review_recorded"));
        Assert.Single(timeline, t => t == "approved");
        Assert.All(request["reviews"]!.AsArray(), r => Assert.Equal("decided", (string)r!["status"]!));
    }

    /// <summary>Two instances of the app on one storage prefix, one signing key and one pack.</summary>
    private (AIWorkflowsApp One, AIWorkflowsApp Two) TwoInstances(PanelPack pack, SendGridSink sendGrid)
    {
        var settings = new Dictionary<string, string?>(pack.Settings.Concat(sendGrid.Settings))
        {
            ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Tokens:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        var one = new AIWorkflowsApp(azurite, PanelPack.Id, settings);
        return (one, new AIWorkflowsApp(azurite, PanelPack.Id, settings));
    }

    private async Task<List<TableEntity>> OutboxRowsAsync(AIWorkflowsApp app, string instanceId)
    {
        var prefix = app.Services.GetRequiredService<AIWorkflows.Storage.StorageOptions>().TablePrefix;
        var table = new TableClient(azurite.ConnectionString, prefix + "Workflows");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId} and RowKey ge {"out-"} and RowKey lt {"out."}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter)) rows.Add(row);
        return rows;
    }
}

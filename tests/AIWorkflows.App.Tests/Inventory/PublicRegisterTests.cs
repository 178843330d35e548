using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Testing;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Inventory;

/// <summary>The public register as a resident and another system see it: pages, JSON and CSV, without signing in.</summary>
[Collection(OnAzurite.Name)]
public class PublicRegisterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ApprovedTool_IsListedOnTheRegisterPagesAndInJsonAndCsv()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var request = await http.ApproveAsync(AppClient.HighRiskRequest());
        var toolId = (string)request["toolId"]!;

        using (var page = await http.GetAsync("/inventory"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"href=\"/inventory/{toolId}\">CaseNotes Assistant</a>", html, StringComparison.Ordinal);
            Assert.Contains("<td data-label=\"Department\">Utilities</td>", html, StringComparison.Ordinal);
            Assert.Contains("High risk", html, StringComparison.Ordinal);
            Assert.Contains("The register lists <strong>1 tool</strong>", html, StringComparison.Ordinal);
        }
        using (var page = await http.GetAsync($"/inventory/{toolId}"))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Summarize customer service case notes for supervisors.", html, StringComparison.Ordinal);
            Assert.Contains("A supervisor reads every summary", html, StringComparison.Ordinal);
            Assert.Contains("Personal information about people", html, StringComparison.Ordinal);
            Assert.Contains("Next review due", html, StringComparison.Ordinal);
            Assert.Contains("Pilot", html, StringComparison.Ordinal);
            Assert.Contains("name=\"comment\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("pat.lee@", html, StringComparison.Ordinal); // the requester stays private
        }

        var api = JsonNode.Parse(await http.GetStringAsync("/api/inventory"))!;
        Assert.Equal(1, (int)api["total"]!);
        var tool = api["tools"]![0]!;
        Assert.Equal((toolId, "pilot", "high"), ((string)tool["toolId"]!, (string)tool["status"]!, (string)tool["tier"]!));
        Assert.Contains("pii", tool["dataCategories"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(app.Clock.GetUtcNow().AddMonths(3), (DateTimeOffset)tool["nextReviewDueAt"]!);
        Assert.DoesNotContain("pat.lee@", api.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(toolId, (string)JsonNode.Parse(await http.GetStringAsync($"/api/inventory/{toolId}"))!["toolId"]!);

        using var csv = await http.GetAsync("/inventory.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = ReadCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(toolId, rows.Single()["tool_id"]);
        Assert.Equal(("Utilities", "high", "pilot"), (rows[0]["department"], rows[0]["tier"], rows[0]["status"]));
    }

    [Fact]
    public async Task Register_CountsEveryStatus_FiltersByQuery_AndRefusesUnknownFilterValues()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var approved = await app.RegisterAsync(RegisterFixtures.Profile("tool-approved", "Permit Helper"));
        await app.RegisterAsync(RegisterFixtures.Profile("tool-pilot", "Pothole Spotter", "Public Works", "low", stage: "pilot", publicFacing: false));
        await app.RegisterAsync(RegisterFixtures.Profile("tool-suspended", "Rent Screener", "Finance", "high"));
        await app.RegisterAsync(RegisterFixtures.Profile("tool-retired", "Old Chatbot", "Finance", "low"));
        var lifecycle = app.Services.GetRequiredService<AIWorkflows.App.Reassessments.ToolLifecycleService>();
        var client = app.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
        await lifecycle.ReportIncidentAsync(client, new("tool-suspended", null, null, "critical", "Scored applicants by zip code."), "ann@cityofsacramento.example", default);
        var tools = app.Services.GetRequiredService<WorkflowGateway<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent>>();
        await tools.SendAsync(client, "tool-retired", new ToolLifecycleCommand.Retire(RegisterFixtures.Officer, "Replaced", app.Clock.GetUtcNow()), default);

        var all = JsonNode.Parse(await http.GetStringAsync("/api/inventory"))!;
        Assert.Equal(4, (int)all["total"]!);
        Assert.Equal([1, 1, 1, 1], new[] { "approved", "pilot", "suspended", "retired" }.Select(s => (int)all["byStatus"]![s]!));
        var retired = all["tools"]!.AsArray().Single(t => (string)t!["toolId"]! == "tool-retired")!;
        Assert.Null(retired["nextReviewDueAt"]);

        var finance = JsonNode.Parse(await http.GetStringAsync("/api/inventory?department=finance&status=suspended"))!;
        Assert.Equal("tool-suspended", (string)finance["tools"]!.AsArray().Single()!["toolId"]!);
        var high = JsonNode.Parse(await http.GetStringAsync("/api/inventory?tier=high"))!;
        Assert.Equal(1, (int)high["matching"]!);

        var page = System.Text.RegularExpressions.Regex.Replace(await http.GetStringAsync("/inventory?status=pilot"), @"\s+", " ");
        Assert.Contains("Pothole Spotter", page, StringComparison.Ordinal);
        Assert.DoesNotContain(approved.Name + "</a>", page, StringComparison.Ordinal);
        Assert.Contains("4 tools</strong>: 1 approved and in use, 1 in pilot, 1 suspended and 1 retired", page, StringComparison.Ordinal);

        using var bad = await http.GetAsync("/inventory?status=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"status-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badApi = await http.GetAsync("/api/inventory?tier=extreme");
        Assert.Equal(HttpStatusCode.BadRequest, badApi.StatusCode);
        Assert.Equal("application/problem+json", badApi.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RegisterCsv_IsRfc4180_AndCellsThatLookLikeFormulasAreText()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile("tool-formula", "=HYPERLINK(\"http://evil.example\",\"Click\")",
            purpose: "-2+3, with \"quotes\"\nand a second line"));

        var bytes = await http.GetByteArrayAsync("/inventory.csv");
        var text = Encoding.UTF8.GetString(bytes);
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
        Assert.StartsWith("tool_id,name,vendor,department,purpose,tier,", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", text, StringComparison.Ordinal);
        var row = ReadCsv(bytes).Single();
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"Click\")", row["name"]);
        Assert.Equal("'-2+3, with \"quotes\"\nand a second line", row["purpose"]);
    }

    [Fact]
    public async Task UnknownTool_IsANotFoundPageAndProblem()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        using var page = await http.GetAsync("/inventory/tool-does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Tool not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = await http.GetAsync("/api/inventory/tool-does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }

    internal static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ',' });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i) ?? ""));
        return rows;
    }
}

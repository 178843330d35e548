using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Inventory;

/// <summary>
/// Albuquerque 6.2: the inventory lists planned tools as well as those in use. A request under review is in the
/// register, marked planned, with nothing personal; it becomes the tool's own line when approved and leaves when
/// rejected or withdrawn.
/// </summary>
[Collection(OnAzurite.Name)]
public class PlannedToolsTests(AzuriteFixture azurite)
{
    private const string Requester = "ana@cabq.example";

    private static async Task<(string Id, string ToolId)> SubmitAsync(HttpClient http)
    {
        var body = JsonSerializer.SerializeToNode(AppClient.HighRiskRequest(Requester), AppClient.Json)!.AsObject();
        body["answers"] = new JsonObject(); // Albuquerque's own questions count a blank as the riskier answer
        var created = await http.SubmitAsync(body);
        return ((string)created["id"]!, (string)created["toolId"]!);
    }

    private static async Task<JsonNode> RegisterAsync(HttpClient http, string query = "") =>
        JsonNode.Parse(await http.GetStringAsync($"/api/inventory{query}"))!;

    private static async Task<string> FirstReviewLinkAsync(HttpClient http) =>
        (await http.MailAsync()).Last(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).LinkPath("/tasks/");

    [Fact]
    public async Task ARequestUnderReview_IsListedAsPlanned_WithoutPersonalData_AndLeavesWhenRejected()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        var (id, toolId) = await SubmitAsync(http);

        var planned = await RegisterAsync(http, "?status=planned");
        var line = Assert.Single(planned["tools"]!.AsArray())!;
        Assert.Equal((toolId, "CaseNotes Assistant", "planned", "request"), ((string)line["toolId"]!, (string)line["name"]!, (string)line["status"]!, (string)line["origin"]!));
        Assert.Null(line["nextReviewDueAt"]);
        Assert.Equal(1, (int)planned["byStatus"]!["planned"]!);
        var reviewers = (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).Select(m => m.To).ToList();
        Assert.NotEmpty(reviewers);
        var json = (await RegisterAsync(http)).ToJsonString();
        foreach (var person in reviewers.Append(Requester))
            Assert.DoesNotContain(person, json, StringComparison.OrdinalIgnoreCase);

        var list = WebUtility.HtmlDecode(await http.GetStringAsync("/inventory?status=planned"));
        Assert.Contains($"<a href=\"/inventory/{toolId}\">CaseNotes Assistant</a>", list, StringComparison.Ordinal);
        Assert.Contains(">Planned — under review</strong>", list, StringComparison.Ordinal);
        Assert.Contains("<option value=\"planned\" selected>Planned — under review</option>", list, StringComparison.Ordinal);
        Assert.Contains("Of these, 1 is planned", list, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/inventory/{toolId}"));
        Assert.Contains("the city is reviewing the request. It is not in use", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Requester, page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("report an incident", page, StringComparison.Ordinal);
        Assert.DoesNotContain(toolId, await http.GetStringAsync("/inventory?status=approved"), StringComparison.Ordinal);

        using (var rejected = await http.PostFormAsync(await FirstReviewLinkAsync(http), ("decision", "reject"), ("comments", "Not needed")))
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);

        Assert.Equal("rejected", (string)(await http.GetRequestAsync(id))["status"]!);
        var after = await RegisterAsync(http);
        Assert.Equal((0, 0), ((int)after["total"]!, (int)after["byStatus"]!["planned"]!));
        using var gone = await http.GetAsync($"/api/inventory/{toolId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var gonePage = await http.GetAsync($"/inventory/{toolId}");
        Assert.Equal(HttpStatusCode.NotFound, gonePage.StatusCode);
    }

    [Fact]
    public async Task AResubmittedRequest_StaysPlanned_AndAWithdrawnOneLeaves()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        var (id, toolId) = await SubmitAsync(http);
        using (var sentBack = await http.PostFormAsync(await FirstReviewLinkAsync(http), ("decision", "request_remediation"), ("comments", "Say how long summaries are kept")))
            Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        var respond = (await http.SingleMailAsync(Requester, "Changes requested")).LinkPath("/respond/");

        Assert.Equal("planned", (string)JsonNode.Parse(await http.GetStringAsync($"/api/inventory/{toolId}"))!["status"]!);
        var resubmitted = await http.PostPageAsync(respond, ("action", "resubmit"), ("response", "Summaries are kept 30 days"));
        Assert.Equal(HttpStatusCode.OK, resubmitted.Status);
        Assert.Equal("planned", (string)JsonNode.Parse(await http.GetStringAsync($"/api/inventory/{toolId}"))!["status"]!);

        using (var again = await http.PostFormAsync(await FirstReviewLinkAsync(http), ("decision", "request_remediation"), ("comments", "And who reads them?")))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var respondAgain = (await http.MailAsync()).First(m => m.To == Requester && m.Subject.Contains("Changes requested", StringComparison.Ordinal)).LinkPath("/respond/");
        var withdrawn = await http.PostPageAsync(respondAgain, ("action", "withdraw"), ("response", "The pilot is cancelled"));
        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);

        Assert.Equal("withdrawn", (string)(await http.GetRequestAsync(id))["status"]!);
        Assert.Equal(0, (int)(await RegisterAsync(http))["total"]!);
        using var gone = await http.GetAsync($"/api/inventory/{toolId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task AnApprovedRequest_ReplacesItsPlannedLine_WithTheToolInUse()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        var body = JsonSerializer.SerializeToNode(AppClient.HighRiskRequest(Requester), AppClient.Json)!.AsObject();
        body["answers"] = new JsonObject();

        var approved = await http.ApproveAsync(body);

        var register = await RegisterAsync(http);
        var line = Assert.Single(register["tools"]!.AsArray())!;
        Assert.Equal(((string)approved["toolId"]!, "pilot"), ((string)line["toolId"]!, (string)line["status"]!));
        Assert.Equal(0, (int)register["byStatus"]!["planned"]!);
        Assert.NotNull(line["nextReviewDueAt"]);
    }
}

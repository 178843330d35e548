using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Reassessments;

/// <summary>Albuquerque 2.2: a pilot, revised by its findings, asks for production; approval moves the same register entry.</summary>
[Collection(OnAzurite.Name)]
public class PilotToProductionTests(AzuriteFixture azurite)
{
    private const string Owner = "pat.lee@cityofsacramento.example";

    private static JsonObject Production(string pilotToolId)
    {
        var body = JsonSerializer.SerializeToNode(AppClient.HighRiskRequest(Owner), AppClient.Json)!.AsObject();
        body["stage"] = "production";
        body["purpose"] = "Summarize case notes for every supervisor, as the pilot showed it helps.";
        body["pilotToolId"] = pilotToolId;
        return body;
    }

    [Fact]
    public async Task ApprovedPilot_AsksForProduction_AndItsApprovalMovesTheSameRegisterEntryIntoProduction()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var pilot = await http.ApproveAsync(AppClient.HighRiskRequest(Owner));
        var toolId = (string)pilot["toolId"]!;
        Assert.Equal("pilot", (string)JsonNode.Parse(await http.GetStringAsync($"/api/inventory/{toolId}"))!["status"]!);

        app.Clock.Advance(TimeSpan.FromDays(45));
        var production = await http.ApproveAsync(Production(toolId));

        Assert.Equal(toolId, (string)production["toolId"]!);
        Assert.NotEqual((string)pilot["id"]!, (string)production["id"]!);
        var entry = JsonNode.Parse(await http.GetStringAsync($"/api/inventory/{toolId}"))!;
        Assert.Equal("approved", (string)entry["status"]!);
        Assert.Contains("every supervisor", (string)entry["purpose"]!, StringComparison.Ordinal);
        Assert.Equal(1, (int)JsonNode.Parse(await http.GetStringAsync("/api/inventory"))!["total"]!);
        var told = await http.SingleMailAsync(Owner, "is in production");
        Assert.Contains((string)production["id"]!, told.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProductionRequestForAnUnknownToolOrOneNotInPilot_IsRefusedByField_AndNothingIsStored()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        using (var unknown = await http.PostRequestAsync(Production("tool-0000000000000000")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
            Assert.Contains("not a pilot", (string)JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["errors"]!["pilotToolId"]![0]!, StringComparison.Ordinal);
        }
        var malformed = Production("<script>");
        using (var bad = await http.PostRequestAsync(malformed))
            Assert.NotNull(JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!["pilotToolId"]);
        var asPilot = Production("tool-0000000000000000");
        asPilot["stage"] = "pilot";
        using (var wrongStage = await http.PostRequestAsync(asPilot))
            Assert.NotNull(JsonNode.Parse(await wrongStage.Content.ReadAsStringAsync())!["errors"]!["stage"]);

        var inProduction = JsonSerializer.SerializeToNode(AppClient.HighRiskRequest(Owner), AppClient.Json)!.AsObject();
        inProduction["stage"] = "production";
        var toolId = (string)(await http.ApproveAsync(inProduction))["toolId"]!;
        using (var notPilot = await http.PostRequestAsync(Production(toolId)))
            Assert.Equal(HttpStatusCode.BadRequest, notPilot.StatusCode);
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Received", StringComparison.Ordinal) && m.TextBody.Contains("every supervisor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePilotsRegisterPage_LinksToARequestFormFilledFromThePilot_ThatSendsTheProductionRequest()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", Owner);
        var toolId = (string)(await http.ApproveAsync(AppClient.HighRiskRequest(Owner)))["toolId"]!;

        var register = await http.GetStringAsync($"/inventory/{toolId}");
        Assert.Contains($"href=\"/requests/new?pilot={toolId}\"", register, StringComparison.Ordinal);
        var form = await http.GetStringAsync($"/requests/new?pilot={toolId}");
        Assert.Contains($"value=\"{toolId}\"", form, StringComparison.Ordinal);
        Assert.Contains("CaseNotes Assistant", form, StringComparison.Ordinal);
        Assert.Contains("Moving a pilot into regular use", form, StringComparison.Ordinal);
        // Anything else opens the ordinary empty form.
        Assert.DoesNotContain("Moving a pilot", await http.GetStringAsync("/requests/new?pilot=tool-0000000000000000"), StringComparison.Ordinal);

        (string, string)[] Fields(string pilot) =>
        [
            ("toolName", "CaseNotes Assistant"), ("vendor", "Acme AI"), ("department", "Utilities"), ("requesterEmail", Owner),
            ("purpose", "Summarize case notes for every supervisor."), ("humanOversight", "A supervisor reads every summary."),
            ("dataCategories", "pii"), ("publicFacing", "false"), ("generativeAi", "true"), ("affectsWorkingConditions", "false"),
            ("impersonation", "false"), ("lawEnforcement", "false"), ("decisionImpact", "assistive"), ("stage", "production"), ("pilotToolId", pilot),
            .. AppClient.SacramentoAnswers().Select(a => ($"answers.{a.Key}", a.Value)),
        ];
        using (var wrong = await http.SubmitFormAsync("/requests/new", "/requests/new", Fields("tool-0000000000000000")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var html = await wrong.Content.ReadAsStringAsync();
            Assert.Contains("is not a pilot in the register", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#pilotToolId\"", html, StringComparison.Ordinal);
        }
        using var sent = await http.SubmitFormAsync($"/requests/new?pilot={toolId}", "/requests/new", Fields(toolId));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var request = await http.GetRequestAsync(sent.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal((toolId, "in_review"), ((string)request["toolId"]!, (string)request["status"]!));
    }
}

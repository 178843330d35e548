using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>
/// Albuquerque 4.2: an escalation pathway for unresolved risks. A finding the requester leaves unresolved for the
/// pack's period (10 business days) is sent to the authority the pack names (the CIO), and the request page says so.
/// </summary>
[Collection(OnAzurite.Name)]
public class FindingEscalationTests(AzuriteFixture azurite)
{
    private const string Cio = "cio@cabq.example";

    [Fact]
    public async Task AFindingLeftUnresolved_EscalatesToTheCio_AfterTheCitysPeriod()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", "ana@cabq.example");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(AppClient.HighRiskRequest("ana@cabq.example"), AppClient.Json)!.AsObject();
        body["answers"] = new JsonObject { ["new_sensitive_data"] = "false", ["tested_before_acquisition"] = "true" };
        var id = (string)(await http.SubmitAsync(body))["id"]!;
        var task = (await http.MailAsync()).Single(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal));
        using (var sentBack = await http.PostFormAsync(task.LinkPath("/tasks/"), ("decision", "request_remediation"), ("comments", "Say where the case notes are stored")))
            Assert.Equal(System.Net.HttpStatusCode.OK, sentBack.StatusCode);

        app.Clock.Advance(TimeSpan.FromDays(7));
        await http.SweepAsync();
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Unresolved finding", StringComparison.Ordinal));

        app.Clock.Advance(TimeSpan.FromDays(14));
        await http.SweepAsync();
        var escalated = Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Unresolved finding escalated", StringComparison.Ordinal));
        Assert.Equal(Cio, escalated.To);
        Assert.Contains("Say where the case notes are stored", escalated.TextBody, StringComparison.Ordinal);
        var request = await http.GetRequestAsync(id);
        Assert.Equal("remediation", (string)request["status"]!);
        Assert.Contains(request["timeline"]!.AsArray(), e => (string)e!["type"]! == "finding_escalated");
    }
}

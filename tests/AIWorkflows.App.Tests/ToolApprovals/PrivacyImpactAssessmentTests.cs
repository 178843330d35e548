using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.App.Tests.Records;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>
/// Albuquerque 1.2: a tool that uses new or sensitive data gets a privacy impact assessment task for the pack's
/// privacy officer (with what it confirms), and its outcome is kept as a record of its own class, which the
/// records officer finds by that class.
/// </summary>
[Collection(OnAzurite.Name)]
public class PrivacyImpactAssessmentTests(AzuriteFixture azurite)
{
    private const string Privacy = "privacy@cabq.example";

    [Fact]
    public async Task NewSensitiveData_OpensAPrivacyImpactAssessment_KeptAsItsOwnRecordClass()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", "ana@cabq.example");
        var body = System.Text.Json.JsonSerializer.SerializeToNode(AppClient.HighRiskRequest("ana@cabq.example"), AppClient.Json)!.AsObject();
        body["answers"] = new JsonObject { ["new_sensitive_data"] = "true", ["tested_before_acquisition"] = "true" };

        var approved = await http.ApproveAsync(body);

        Assert.NotNull(await http.SingleMailAsync(Privacy, "Decision needed"));
        Assert.Contains(approved["reviews"]!.AsArray(), r => (string)r!["role"]! == "privacy_officer" && (string)r["decision"]! == "approve");

        using var officer = app.RecordsOfficer();
        var toolId = (string)approved["toolId"]!;
        var records = JsonNode.Parse(await officer.GetStringAsync($"/api/records?toolId={toolId}&recordClass=privacy_impact_assessment"))!.AsArray();
        var record = Assert.Single(records)!;
        Assert.StartsWith("Privacy impact assessment: CaseNotes Assistant", (string)record["title"]!, StringComparison.Ordinal);
        var content = JsonNode.Parse(await officer.GetStringAsync(RecordsClient.Path((string)record["id"]!, "/content")))!;
        Assert.Equal(("privacy_officer", "approve"), ((string)content["review"]!["role"]!, (string)content["review"]!["outcome"]!["verdict"]!));
        Assert.Equal("new_sensitive_data", (string)content["reasons"]![0]!["ruleId"]!);
        Assert.StartsWith("The privacy impact assessment is done", (string)content["review"]!["checklist"]![0]!["text"]!, StringComparison.Ordinal);
    }
}

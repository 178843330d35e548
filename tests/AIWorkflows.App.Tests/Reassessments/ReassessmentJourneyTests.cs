using System.Net;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Reassessments;

/// <summary>A high-risk tool through its first quarter in service: reminder, overdue, suspended, reinstated.</summary>
[Collection(OnAzurite.Name)]
public class ReassessmentJourneyTests(AzuriteFixture azurite)
{
    private const string Owner = "pat.lee@cityofsacramento.example";
    private const string Officer = "aio@cityofsacramento.example";
    private const string Cio = "cio@cityofsacramento.example";

    [Fact]
    public async Task ApprovedHighRiskTool_PastEachThreshold_IsRemindedEscalatedSuspendedAndReinstated()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var request = await http.ApproveAsync(AppClient.HighRiskRequest(Owner));
        var toolId = (string)request["toolId"]!;
        var tools = app.Services.GetRequiredService<ToolLifecycleService>();
        var approvedAt = app.Clock.GetUtcNow();

        // High tier: quarterly. The owner is asked 14 days ahead of the due date (pack city default).
        app.Clock.Advance(TimeSpan.FromDays(60));
        await http.SweepAsync();
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Re-assessment", StringComparison.Ordinal));
        app.Clock.SetUtcNow(approvedAt.AddMonths(3).AddDays(-14));
        await http.SweepAsync();
        var attest = await http.SingleMailAsync(Owner, "Re-assessment of");
        await http.SingleMailAsync(Officer, "Re-assessment opened");

        // Seven days overdue: the CIO hears of it. Thirty days overdue: the tool is suspended.
        app.Clock.SetUtcNow(approvedAt.AddMonths(3).AddDays(7));
        await http.SweepAsync();
        var overdue = await http.SingleMailAsync(Cio, "Overdue: re-assessment");
        Assert.Contains("owner's attestation", overdue.TextBody, StringComparison.Ordinal);
        app.Clock.SetUtcNow(approvedAt.AddMonths(3).AddDays(30));
        await http.SweepAsync();
        Assert.Equal("suspended", (await tools.GetAsync(toolId, false, default))!.State.Status);
        Assert.Equal("suspended", (string)(await http.GetRequestAsync((string)request["id"]!))["status"]!);
        await http.SingleMailAsync(Owner, "is suspended");

        // GET on the link changes nothing; the owner attests, then the AI officer completes the review.
        using (var page = await http.GetAsync(attest.LinkPath("/reassess/"))) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using (var bad = await http.PostFormAsync(attest.LinkPath("/reassess/"), ("use", ""))) Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var ok = await http.PostFormAsync(attest.LinkPath("/reassess/"), ("use", "Daily by 4 supervisors"), ("dataChanges", "none"), ("incidentsSince", "none")))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var spent = await http.GetAsync(attest.LinkPath("/reassess/"))) Assert.Equal(HttpStatusCode.Gone, spent.StatusCode);
        var review = await http.SingleMailAsync(Officer, "Review the re-assessment");
        using (var done = await http.PostFormAsync(review.LinkPath("/reassess/"), ("outcome", "continue"), ("tier", "medium"), ("comments", "Controls verified")))
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var after = (await tools.GetAsync(toolId, false, default))!.State;
        Assert.Equal("pilot", after.Status); // in service again, as the pilot it was approved for
        Assert.Equal("medium", after.ProfileOrNull!.Tier);
        await http.SingleMailAsync(Owner, "is reinstated");
        var records = await app.Services.GetRequiredService<IRecordArchive>().ListAsync(toolId, "reassessment", default);
        Assert.Single(records);
    }

    [Fact]
    public async Task SevereIncident_FromASignedInEmployee_SuspendsTheToolAtOnce_NotifiesSupervisorCioAndOfficer_AndIsARecord()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var toolId = (string)(await http.ApproveAsync(AppClient.HighRiskRequest(Owner)))["toolId"]!;

        using var clerk = app.Http();
        clerk.DefaultRequestHeaders.Add("X-Dev-User", "clerk@cityofsacramento.example");
        using var response = await clerk.PostAsync("/api/incidents", System.Net.Http.Json.JsonContent.Create(new
        {
            toolId, reporterEmail = "clerk@cityofsacramento.example", supervisorEmail = "boss@cityofsacramento.example",
            severity = "critical", description = "The summary named the wrong customer.",
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        foreach (var to in new[] { "boss@cityofsacramento.example", Cio, Officer })
            await http.SingleMailAsync(to, "Incident (critical)");
        await http.SingleMailAsync(Owner, "Re-assessment of");
        Assert.Equal("suspended", (await app.Services.GetRequiredService<ToolLifecycleService>().GetAsync(toolId, false, default))!.State.Status);
        Assert.Single(await app.Services.GetRequiredService<IRecordArchive>().ListAsync(toolId, "incident", default));

        using var invalid = await http.PostAsync("/api/incidents", System.Net.Http.Json.JsonContent.Create(new { toolId = "tool-nope", severity = "huge" }));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using static AIWorkflows.Testing.AccessGrants.AccessClient;

namespace AIWorkflows.App.Tests.AccessGrants;

/// <summary>Sacramento VI.B: access follows the tool. A suspended tool pauses every grant; its reinstatement restores them.</summary>
[Collection(OnAzurite.Name)]
public class AccessGrantToolStatusTests(AzuriteFixture azurite)
{
    private const string Owner = "pat.lee@cityofsacramento.example";
    private const string OtherEmployee = "ana.ruiz@cityofsacramento.example";

    [Fact]
    public async Task ToolSuspended_AccessLapses_NewRequestsWait_AndReinstatementRestoresAccess()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        using var admin = app.As(Admin);
        using var officer = app.As(Officer);
        var toolId = (string)(await http.ApproveAsync(AppClient.HighRiskRequest(Owner)))["toolId"]!;

        // Granted: training recorded by an administrator, the agreement signed, the department head's consent.
        var sha = (string)(await http.RequestAccessAsync(toolId))["agreement"]!["sha256"]!;
        foreach (var course in new[] { "ai_policy_lms", "genai_authorized_use" })
        {
            using var recorded = await admin.PostAsJsonAsync("/api/training-completions", new { employeeEmail = Employee, courseId = course, completedOn = "2026-11-02" });
            Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        }
        using (var s = await http.PostFormAsync((await http.SingleMailAsync(Employee, "Your request")).LinkPath("/access/sign/"), ("agree", "yes"), ("sha256", sha))) Assert.Equal(HttpStatusCode.OK, s.StatusCode);
        using (var c = await http.PostFormAsync((await http.SingleMailAsync(Director, "Consent needed")).LinkPath("/access/consent/"), ("decision", "consent"))) Assert.Equal(HttpStatusCode.OK, c.StatusCode);
        Assert.Single(await officer.GrantsAsync($"toolId={toolId}"));

        // A signed-in employee's critical incident suspends the tool: access lapses and the employee is told.
        using (var report = new HttpRequestMessage(HttpMethod.Post, "/api/incidents") { Content = JsonContent.Create(new { toolId, reporterEmail = Employee, severity = "critical", description = "Wrong customer named." }) })
        {
            report.Headers.Add("X-Dev-User", Employee);
            using var incident = await http.SendAsync(report);
            Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
        }
        var paused = await http.SingleMailAsync(Employee, "Access paused");
        Assert.Contains("the tool is suspended", paused.TextBody, StringComparison.Ordinal);
        Assert.Empty(await officer.GrantsAsync($"toolId={toolId}"));
        var lapsed = Assert.Single(await officer.GrantsAsync($"toolId={toolId}&status=pending"))!;
        Assert.Equal(["the tool is not in service"], lapsed["missing"].Strings());

        // Asking for a suspended tool is recorded, but waits for the tool.
        var waiting = await http.RequestAccessAsync(toolId, OtherEmployee);
        Assert.Contains("the tool is not in service", waiting["missing"].Strings());

        // The re-assessment reinstates the tool: the lapsed grant returns by itself.
        using (var attest = await http.PostFormAsync((await http.SingleMailAsync(Owner, "Re-assessment of")).LinkPath("/reassess/"),
            ("use", "Daily"), ("dataChanges", "none"), ("incidentsSince", "The one reported")))
            Assert.Equal(HttpStatusCode.OK, attest.StatusCode);
        using (var review = await http.PostFormAsync((await http.SingleMailAsync("aio@cityofsacramento.example", "Review the re-assessment")).LinkPath("/reassess/"),
            ("outcome", "continue"), ("comments", "Fixed the lookup")))
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var back = Assert.Single(await officer.GrantsAsync($"toolId={toolId}"))!;
        Assert.Equal(Employee, (string)back["employeeEmail"]!);
        Assert.Equal(2, (await http.MailAsync()).Count(m => m.To == Employee && m.Subject.Contains("Access granted", StringComparison.Ordinal)));
        Assert.DoesNotContain("the tool is not in service", Assert.Single(await officer.GrantsAsync($"toolId={toolId}&status=pending"))!["missing"].Strings());
    }
}

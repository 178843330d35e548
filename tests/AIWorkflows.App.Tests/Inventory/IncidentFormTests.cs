using System.Net;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Inventory;

/// <summary>
/// /incidents/new as an employee uses it (Sacramento VII.B): errors by the fields, then a confirmation with the incident id;
/// a signed-in employee's severe report suspends the tool, one from someone not signed in waits for the AI officer.
/// </summary>
[Collection(OnAzurite.Name)]
public class IncidentFormTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task EmptyReport_ShowsEachErrorNextToItsField()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));

        using var bad = await http.SubmitFormAsync("/incidents/new", "/incidents/new", ("reporterEmail", "me@"), ("description", "<b>bold</b>"));
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        foreach (var field in new[] { "toolId", "reporterEmail", "severity" })
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"description-error\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#severity-low\"", html, StringComparison.Ordinal); // the summary focuses the first radio
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"tool-permits\">Permit Helper</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SevereReport_FromASignedInEmployee_SuspendsTheTool_AndConfirmsWithTheIncidentId()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", "sam.ortiz@cityofsacramento.example");
        await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));

        var form = await http.GetStringAsync("/incidents/new?tool=tool-permits");
        Assert.Contains("<option value=\"tool-permits\" selected=\"selected\">", form, StringComparison.Ordinal);
        Assert.Contains("You report as <strong>sam.ortiz@cityofsacramento.example</strong>", form, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"reporterEmail\"", form, StringComparison.Ordinal);   // the reporter is who signed in
        using var sent = await http.SubmitFormAsync("/incidents/new", "/incidents/new",
            ("toolId", "tool-permits"), ("supervisorEmail", ""),
            ("severity", "high"), ("description", "It told a resident their permit was approved when it was not."));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        Assert.Matches("^/incidents/tool-permits/inc-[0-9a-f]{12}$", location);

        var confirmation = await http.GetStringAsync(location);
        Assert.Contains(location.Split('/')[^1], confirmation, StringComparison.Ordinal);
        Assert.Contains("stop using it", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("permit was approved", confirmation, StringComparison.Ordinal); // the report's text stays private
        Assert.Equal("suspended", (string)JsonNode.Parse(await http.GetStringAsync("/api/inventory/tool-permits"))!["status"]!);
        var cio = await http.SingleMailAsync("cio@cityofsacramento.example", "Incident (high) reported for Permit Helper");
        Assert.Contains("sam.ortiz@cityofsacramento.example reported", cio.TextBody, StringComparison.Ordinal);

        using var unknown = await http.GetAsync("/incidents/tool-permits/inc-000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task SevereReport_FromSomeoneNotSignedIn_SaysItWaitsForTheOfficer_AndChangesNothing()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));

        var form = await http.GetStringAsync("/incidents/new?tool=tool-permits");
        Assert.Contains("You are not signed in", form, StringComparison.Ordinal);
        using var sent = await http.SubmitFormAsync("/incidents/new", "/incidents/new",
            ("toolId", "tool-permits"), ("reporterEmail", "resident@example.org"), ("supervisorEmail", ""),
            ("severity", "critical"), ("description", "It told a resident their permit was approved when it was not."));
        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);

        var confirmation = await http.GetStringAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains("the AI officer checks your report first", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("stop using it", confirmation, StringComparison.Ordinal);
        Assert.Equal("approved", (string)JsonNode.Parse(await http.GetStringAsync("/api/inventory/tool-permits"))!["status"]!);
        await http.SingleMailAsync(RegisterFixtures.Officer, "Incident report to triage (critical)");
        Assert.DoesNotContain(await http.MailAsync(), m => m.To == "cio@cityofsacramento.example");
    }
}

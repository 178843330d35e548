using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Reassessments;

/// <summary>
/// Issue 19.1, Sacramento VII.B: an incident reported by someone not signed in takes nothing out of service. It
/// waits for the AI officer, who gets a signed link to confirm it (then the pack's rule applies) or dismiss it;
/// opening the link changes nothing, and the answer is a POST with antiforgery. A signed-in employee's severe
/// report still suspends the tool at once. In Development and in Production.
/// </summary>
[Collection(OnAzurite.Name)]
public class IncidentTriageTests(AzuriteFixture azurite)
{
    private const string ToolId = "tool-permits";
    private const string Cio = "cio@cityofsacramento.example";
    private const string Staff = "sam.ortiz@cityofsacramento.example";

    private static object Critical(string? reporter = "resident@example.org") => new
    {
        toolId = ToolId, reporterEmail = reporter, supervisorEmail = "boss@example.org", severity = "critical",
        description = "It told me my permit was approved when it was not.",
    };

    private static async Task<string> StatusAsync(HttpClient http) =>
        (string)JsonNode.Parse(await http.GetStringAsync($"/api/inventory/{ToolId}"))!["status"]!;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACriticalReportFromSomeoneNotSignedIn_SuspendsNothing_UntilTheOfficerConfirmsItFromTheEmailedLink(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        await mode.App.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using var anonymous = mode.As(null);

        using var response = await anonymous.PostAsJsonAsync("/api/incidents", Critical());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("in service", "pending"), ((string)body["toolStatus"]!, (string)body["triage"]!));
        Assert.Equal($"/incidents/{ToolId}/{body["incidentId"]}", response.Headers.Location!.OriginalString);
        Assert.Equal("approved", await StatusAsync(anonymous));
        var mail = await mode.MailAsync();
        Assert.DoesNotContain(mail, m => m.To is Cio or "boss@example.org" or "supervisors@cityofsacramento.example");
        var triage = Assert.Single(mail, m => m.To == RegisterFixtures.Officer && m.Subject.Contains("Incident report to triage (critical)", StringComparison.Ordinal));
        var link = new Uri(Assert.Single(triage.Links, l => l.Contains("/triage/", StringComparison.Ordinal))).PathAndQuery;
        var page = await anonymous.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Waiting for the AI officer to confirm it", page, StringComparison.Ordinal);

        // Opening the link (a mail scanner, then the officer) shows the report and changes nothing.
        using (var scanned = await anonymous.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, scanned.StatusCode);
            Assert.True(scanned.Headers.CacheControl?.NoStore);
            Assert.Contains("It told me my permit was approved", await scanned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The answer needs the page's antiforgery token as well as the link.
        using (var forged = await anonymous.PostFormAsync(link, ("decision", "confirm"), ("comments", "Reproduced")))
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("approved", await StatusAsync(anonymous));

        using var confirmed = await anonymous.SubmitFormAsync(link, link, ("decision", "confirm"), ("comments", "Reproduced with a test permit."));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("confirmed and acted on", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("suspended", await StatusAsync(anonymous));
        mail = await mode.MailAsync();
        foreach (var to in new[] { "boss@example.org", Cio })
        {
            var told = Assert.Single(mail, m => m.To == to && m.Subject.Contains("Incident (critical) reported for Permit Helper", StringComparison.Ordinal));
            Assert.Contains("resident@example.org (not signed in) reported an incident with Permit Helper", told.Text, StringComparison.Ordinal);
            Assert.Contains("the AI officer confirmed the report", told.Text, StringComparison.Ordinal);
        }
        Assert.Single(mail, m => m.To == "owner@cityofsacramento.example" && m.Subject.Contains("Re-assessment of Permit Helper", StringComparison.Ordinal));
        Assert.Contains("Confirmed by the AI officer", await anonymous.GetStringAsync(response.Headers.Location.OriginalString), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACriticalReportFromASignedInEmployee_SuspendsTheToolAtOnce(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        await mode.App.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using var staff = mode.As(Staff);

        using var response = await staff.PostAsJsonAsync("/api/incidents", Critical(reporter: null));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("suspended", (string)body["toolStatus"]!);
        Assert.False(body.ContainsKey("triage"));
        Assert.Equal("suspended", await StatusAsync(staff));
        var cio = Assert.Single(await mode.MailAsync(), m => m.To == Cio);
        Assert.Contains($"{Staff} reported an incident", cio.Text, StringComparison.Ordinal);   // in the signed-in name
        Assert.DoesNotContain(await mode.MailAsync(), m => m.Subject.Contains("to triage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASignedInEmployee_CannotReportInSomeoneElsesName()
    {
        await using var mode = await ModeApp.StartAsync(azurite, production: false);
        await mode.App.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using var staff = mode.As(Staff);

        using var response = await staff.PostAsJsonAsync("/api/incidents", Critical(reporter: "someone.else@cityofsacramento.example"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Staff, (string)problem["errors"]!["reporterEmail"]![0]!, StringComparison.Ordinal);
        Assert.Equal("approved", await StatusAsync(staff));
    }

    [Fact]
    public async Task TheOfficerDismissesAReport_TheToolStaysInService_TheReportIsKept_AndTheLinkAnswersOnce()
    {
        await using var mode = await ModeApp.StartAsync(azurite, production: false);
        await mode.App.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using var http = mode.As(null);
        using (var reported = await http.PostAsJsonAsync("/api/incidents", Critical())) Assert.Equal(HttpStatusCode.Accepted, reported.StatusCode);
        var link = new Uri((await mode.MailAsync()).Single(m => m.Subject.Contains("to triage", StringComparison.Ordinal)).Links.Single(l => l.Contains("/triage/", StringComparison.Ordinal))).PathAndQuery;

        using (var empty = await http.SubmitFormAsync(link, link, ("comments", "")))
        {
            var html = await empty.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("id=\"decision-error\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"comments-error\"", html, StringComparison.Ordinal);
        }
        using (var dismissed = await http.SubmitFormAsync(link, link, ("decision", "dismiss"), ("comments", "Not one of our tools' answers.")))
            Assert.Equal(HttpStatusCode.OK, dismissed.StatusCode);
        Assert.Equal("approved", await StatusAsync(http));
        Assert.Single(await mode.App.Services.GetRequiredService<IRecordArchive>().ListAsync(ToolId, "incident", default));
        Assert.DoesNotContain(await mode.MailAsync(), m => m.To == Cio);

        // The link now shows the answer; the same post again is answered as recorded, another answer is refused
        // (the form is gone from the link's page: the antiforgery token comes from another page, as any is valid).
        Assert.Contains("dismissed", await http.GetStringAsync(link), StringComparison.Ordinal);
        using (var again = await http.SubmitFormAsync("/incidents/new", link, ("decision", "dismiss"), ("comments", "Not one of our tools' answers.")))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using (var other = await http.SubmitFormAsync("/incidents/new", link, ("decision", "confirm"), ("comments", "On second thought")))
            Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("approved", await StatusAsync(http));
    }
}

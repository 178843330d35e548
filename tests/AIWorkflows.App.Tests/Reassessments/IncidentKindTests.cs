using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Reassessments;

/// <summary>
/// Sacramento VI.A.6: a cybersecurity incident reaches the Information Security Officer (the Sacramento pack's
/// incident kind "cybersecurity" notifies the security_officer role) as it is reported, even by someone not signed
/// in, whose report still suspends nothing until the AI officer confirms it. The kind is optional in the API and a
/// choice on the form.
/// </summary>
[Collection(OnAzurite.Name)]
public class IncidentKindTests(AzuriteFixture azurite)
{
    private const string ToolId = "tool-permits";
    private const string Iso = "iso@cityofsacramento.example";

    private static object Report(string? kind, string? reporter = "resident@example.org") => new
    {
        toolId = ToolId, reporterEmail = reporter, severity = "critical", kind,
        description = "The assistant showed me another resident's permit application with their address.",
    };

    [Fact]
    public async Task ACybersecurityReportFromSomeoneNotSignedIn_ReachesTheIso_AtOnce_AndSuspendsNothing()
    {
        await using var mode = await ModeApp.StartAsync(azurite, production: false);
        await mode.App.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using var anonymous = mode.As(null);

        using var response = await anonymous.PostAsJsonAsync("/api/incidents", Report("cybersecurity"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("in service", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["toolStatus"]!);
        var iso = Assert.Single(await mode.MailAsync(), m => m.To == Iso);
        Assert.Contains("Possible cybersecurity incident reported (not yet confirmed): Permit Helper", iso.Subject, StringComparison.Ordinal);
        Assert.Contains("another resident's permit application", iso.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACybersecurityReportFromASignedInEmployee_ReachesTheIso_AndAnIncidentOfNoKindDoesNot()
    {
        await using var mode = await ModeApp.StartAsync(azurite, production: false);
        await mode.App.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using var staff = mode.As("sam.ortiz@cityofsacramento.example");

        using (var plain = await staff.PostAsJsonAsync("/api/incidents", Report(kind: null, reporter: null)))
            Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.DoesNotContain(await mode.MailAsync(), m => m.To == Iso);

        using (var cyber = await staff.PostAsJsonAsync("/api/incidents", Report("cybersecurity", reporter: null)))
            Assert.Equal(HttpStatusCode.Created, cyber.StatusCode);
        var iso = Assert.Single(await mode.MailAsync(), m => m.To == Iso);
        Assert.Contains("Cybersecurity incident reported: Permit Helper", iso.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKindThePackDoesNotName_IsRefused_AndTheFormOffersThePacksKinds()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile(ToolId));

        using var bad = await http.PostAsJsonAsync("/api/incidents", Report("espionage"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("cybersecurity", (string)JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!["kind"]![0]!, StringComparison.Ordinal);

        var form = await http.GetStringAsync("/incidents/new");
        Assert.Contains("id=\"kind-cybersecurity\"", form, StringComparison.Ordinal);
        Assert.Contains("The Information Security Officer is told at once.", form, StringComparison.Ordinal);
    }
}

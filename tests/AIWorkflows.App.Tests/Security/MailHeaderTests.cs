using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Issue 19.4: a CR or LF in a field that reaches a mail header (a subject, a recipient) would let the sender write
/// headers of their own (<c>Bcc:</c>). Every such field is refused with its name, in the API and beside the field in
/// forms, in Development and in Production; free text keeps its line breaks; an imported name is folded onto one line;
/// no mail's subject or recipient holds a control character.
/// </summary>
[Collection(OnAzurite.Name)]
public class MailHeaderTests(AzuriteFixture azurite)
{
    private const string ToolId = "tool-permits";

    public static readonly string[] Breaks = ["\r\nBcc: victim@example.org", "\nBcc: victim@example.org", "\u2028x", "\ty", "\u0085z"];

    private static JsonObject Request() => JsonSerializer.SerializeToNode(AppClient.HighRiskRequest(), AppClient.Json)!.AsObject();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApiFieldsThatReachAMailHeader_WithALineBreak_AreRefusedNamingTheField_AndNothingIsSent(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        await mode.App.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using var staff = mode.As(AppClient.Staff);
        using var anonymous = mode.As(null);
        var wrong = new List<string>();

        async Task Refused(HttpClient http, string path, JsonObject body, string field)
        {
            using var response = await http.PostAsJsonAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            var errors = response.StatusCode == HttpStatusCode.BadRequest && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? JsonNode.Parse(text)?["errors"] as JsonObject : null;
            if (errors?.ContainsKey(field) != true) wrong.Add($"{path} {field}: {(int)response.StatusCode} {text}");
        }

        foreach (var bad in Breaks)
        {
            foreach (var field in new[] { "toolName", "vendor", "department" })
            {
                var body = Request();
                body[field] = (string)body[field]! + bad;
                await Refused(staff, "/api/requests", body, field);
            }
            var requester = Request();
            requester["requesterEmail"] = "pat.lee@cityofsacramento.example" + bad;
            await Refused(staff, "/api/requests", requester, "requesterEmail");
            var classifications = Request();
            classifications["affectsWorkingConditions"] = true;
            classifications["affectedClassifications"] = new JsonArray("Office Assistant" + bad);
            await Refused(staff, "/api/requests", classifications, "affectedClassifications");

            JsonObject Incident() => new() { ["toolId"] = ToolId, ["reporterEmail"] = "resident@example.org", ["severity"] = "low", ["description"] = "Odd" };
            var supervisor = Incident();
            supervisor["supervisorEmail"] = "boss@example.org" + bad;
            await Refused(anonymous, "/api/incidents", supervisor, "supervisorEmail");
            var reporter = Incident();
            reporter["reporterEmail"] = "resident@example.org" + bad;
            await Refused(anonymous, "/api/incidents", reporter, "reporterEmail");

            await Refused(anonymous, "/api/access-requests", new JsonObject { ["toolId"] = ToolId, ["employeeEmail"] = "sam@cityofsacramento.example" + bad, ["department"] = "Utilities" }, "employeeEmail");
            await Refused(anonymous, "/api/access-requests", new JsonObject { ["toolId"] = ToolId, ["employeeEmail"] = "sam@cityofsacramento.example", ["department"] = "Utilities" + bad }, "department");
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Empty(await mode.MailAsync());
    }

    [Fact]
    public async Task FormFieldsThatReachAMailHeader_WithALineBreak_AreRefusedWithAMessageBesideTheField()
    {
        await using var app = new AIWorkflowsApp(azurite);
        await app.RegisterAsync(RegisterFixtures.Profile(ToolId));
        using var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", AppClient.Staff);
        using var anonymous = app.Http();

        async Task AssertBesideAsync(HttpResponseMessage response, string field)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
            Assert.Contains($"aria-describedby=\"{field}-hint {field}-error\"", html, StringComparison.Ordinal);
        }

        using (var request = await http.SubmitFormAsync("/requests/new", "/requests/new", ("toolName", "Helper\r\nBcc: victim@example.org"), ("vendor", "Acme")))
            await AssertBesideAsync(request, "toolName");
        using (var incident = await anonymous.SubmitFormAsync("/incidents/new", "/incidents/new", ("toolId", ToolId), ("reporterEmail", "resident@example.org"),
            ("supervisorEmail", "boss@example.org\r\nBcc: victim@example.org"), ("severity", "low"), ("description", "Odd")))
        {
            var html = await incident.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, incident.StatusCode);
            Assert.Contains("id=\"supervisorEmail-error\"", html, StringComparison.Ordinal);
        }
        using (var access = await anonymous.SubmitFormAsync("/access/new", "/access/new", ("toolId", ToolId),
            ("employeeEmail", "sam@cityofsacramento.example\nBcc: victim@example.org"), ("department", "Utilities")))
        {
            var html = await access.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.BadRequest, access.StatusCode);
            Assert.Contains("id=\"employeeEmail-error\"", html, StringComparison.Ordinal);
        }
        Assert.Empty(await http.MailAsync());
    }

    [Fact]
    public async Task FreeTextKeepsItsLineBreaks_AndEveryMailsSubjectAndRecipientAreOneLine()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var body = Request();
        body["purpose"] = "Summarize case notes.\r\nSecond paragraph: for supervisors only.";

        var created = await http.SubmitAsync(body);

        Assert.Contains("\r\nSecond paragraph", (string)created["request"]!["purpose"]!, StringComparison.Ordinal);
        var mail = await http.MailAsync();
        Assert.NotEmpty(mail);
        Assert.All(mail, m => Assert.False(m.Subject.Any(char.IsControl) || m.To.Any(char.IsControl), m.Subject));
    }

    [Fact]
    public async Task AnImportedNameOverSeveralLines_IsFoldedOntoOneLine_InTheRegisterAndInMailSubjects()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var csv = "agency,id,use_case_name,vendor_name,development_stage,contact_email\r\n"
            + "DOI,DOI-0042,\"Species finder\r\nBcc: victim@example.org\",\"Acme\nLabs\",Deployed,owner@usgs.example\r\n";

        using var import = new HttpRequestMessage(HttpMethod.Post, "/api/inventory/import")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } },
            Headers = { { "X-Dev-User", "aio@cityofsacramento.example; ai_officer" } },
        };
        using (var response = await http.SendAsync(import)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var tool = JsonNode.Parse(await http.GetStringAsync("/api/inventory"))!["tools"]!.AsArray().Single()!;
        Assert.Equal(("Species finder Bcc: victim@example.org", "Acme Labs"), ((string)tool["name"]!, (string)tool["vendor"]!));
        // Its re-assessment opens in 30 days: the mails about it carry the name in their subject, on one line.
        app.Clock.Advance(TimeSpan.FromDays(30));
        await http.SweepAsync();
        var mail = await http.MailAsync();
        Assert.Contains(mail, m => m.Subject.Contains("Species finder Bcc: victim@example.org", StringComparison.Ordinal));
        Assert.All(mail, m => Assert.False(m.Subject.Any(char.IsControl), m.Subject));
    }
}

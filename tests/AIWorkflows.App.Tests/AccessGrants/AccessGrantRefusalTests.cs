using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using Xunit.Abstractions;
using static AIWorkflows.Testing.AccessGrants.AccessClient;

namespace AIWorkflows.App.Tests.AccessGrants;

/// <summary>What access refuses, and says why: bad import rows, bad requests, forged links, people without the role.</summary>
[Collection(OnAzurite.Name)]
public class AccessGrantRefusalTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task TrainingImport_ReportsEachRefusedRowWithItsReason_AndAFileImportedTwiceRecordsNothingTwice()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var admin = app.As(Admin);
        var file = Csv("employee_email,course,completed_on",
            $"{Employee},ai_policy_lms,2026-11-20",                // 2: accepted
            $"{Employee},underwater_basket_weaving,2026-11-20",   // 3: unknown course
            $"{Employee},genai_authorized_use,20/11/2026",        // 4: bad date
            $"{Employee},genai_authorized_use,2026-12-01",        // 5: future date (today is 2026-11-23)
            "not-an-email,ai_policy_lms,2026-11-20",              // 6: bad email
            $"{Employee.ToUpperInvariant()},AI_POLICY_LMS,2026-11-19", // 7: duplicate of row 2 (same person, same course)
            $"{Employee},genai_authorized_use,2026-11-20,extra",  // 8: too many cells
            "");

        var report = await admin.ImportAsync(file);

        Assert.Equal(7, (int)report["rows"]!);
        Assert.Equal(1, (int)report["accepted"]!);
        var refused = report["refused"]!.AsArray().ToDictionary(r => (int)r!["row"]!, r => (string)r!["reason"]!);
        Assert.Equal([3, 4, 5, 6, 7, 8], refused.Keys.Order());
        Assert.StartsWith("Unknown course 'underwater_basket_weaving'", refused[3], StringComparison.Ordinal);
        Assert.StartsWith("'20/11/2026' is not a date", refused[4], StringComparison.Ordinal);
        Assert.Contains("is in the future", refused[5], StringComparison.Ordinal);
        Assert.Equal("'not-an-email' is not an email address.", refused[6]);
        Assert.StartsWith("Duplicate of row 2", refused[7], StringComparison.Ordinal);
        Assert.Contains("check its quotes and commas", refused[8], StringComparison.Ordinal);

        var again = await admin.ImportAsync(file);
        Assert.Equal(0, (int)again["recorded"]!);
        Assert.Equal(1, (int)again["alreadyOnFile"]!);
        Assert.Equal((string)report["recordId"]!, (string)again["recordId"]!);

        using var noHeader = await admin.PostCsvAsync(Csv("name,when", "x,y"));
        Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        Assert.Equal("application/problem+json", noHeader.Content.Headers.ContentType?.MediaType);
        Assert.Contains("employee email", await noHeader.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var json = await admin.PostAsJsonAsync("/api/training-completions/import", new { csv = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        using var future = await admin.PostAsJsonAsync("/api/training-completions", new { employeeEmail = Employee, courseId = "ai_policy_lms", completedOn = "2027-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("completedOn", await future.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_ForgedTamperedOrForAnotherPurpose_Are404_AndOpeningThemChangesNothing()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        using var officer = app.As(Officer);
        var toolId = await RegisterToolAsync(app);
        await http.RequestAccessAsync(toolId);
        var sign = (await http.SingleMailAsync(Employee, "Your request")).LinkPath("/access/sign/");
        var consent = (await http.SingleMailAsync(Director, "Consent needed")).LinkPath("/access/consent/");
        var signToken = sign["/access/sign/".Length..];
        var tampered = signToken[..^2] + (signToken[^2] == 'A' ? 'B' : 'A') + signToken[^1];

        foreach (var path in new[] { "/access/sign/forged", $"/access/sign/{tampered}", $"/access/consent/{signToken}", $"/access/sign/{consent["/access/consent/".Length..]}" })
        {
            using var get = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            using var post = await http.PostFormAsync(path, ("agree", "yes"), ("decision", "consent"));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        // Mail scanners fetch links (GET and HEAD) before people do: nothing is signed or consented by it.
        foreach (var path in new[] { sign, consent, sign, consent })
        {
            using var get = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Equal("no-store", get.Headers.CacheControl?.ToString());
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal("no-store", head.Headers.CacheControl?.ToString());
        }
        var grant = Assert.Single(await officer.GrantsAsync($"toolId={toolId}&status=all"))!;
        Assert.Contains("'AI Policy acknowledgement' not signed", grant["missing"].Strings());
        Assert.Contains("department head's consent not given", grant["missing"].Strings());
        Assert.Equal(1, (int)grant["version"]!);
    }

    [Fact]
    public async Task AdminAndOfficerEndpoints_RefuseTheAnonymous401_AndOtherRoles403()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var anonymous = app.Http();
        using var requester = app.As("pat.lee@cityofsacramento.example; requester");
        using var officer = app.As(Officer);
        var completion = new { employeeEmail = Employee, courseId = "ai_policy_lms", completedOn = "2026-11-20" };

        foreach (var (client, status) in new[] { (anonymous, HttpStatusCode.Unauthorized), (requester, HttpStatusCode.Forbidden), (officer, HttpStatusCode.Forbidden) })
        {
            using var record = await client.PostAsJsonAsync("/api/training-completions", completion);
            Assert.Equal(status, record.StatusCode);
            using var import = await client.PostCsvAsync(Csv("employee_email,course,completed_on", $"{Employee},ai_policy_lms,2026-11-20"));
            Assert.Equal(status, import.StatusCode);
            Assert.Equal("application/problem+json", import.Content.Headers.ContentType?.MediaType);
            using var page = await client.GetAsync("/training");
            Assert.Equal(status, page.StatusCode);
        }
        foreach (var (client, status) in new[] { (anonymous, HttpStatusCode.Unauthorized), (requester, HttpStatusCode.Forbidden) })
        {
            using var list = await client.GetAsync("/api/access-grants?toolId=tool-x");
            Assert.Equal(status, list.StatusCode);
            using var csv = await client.GetAsync("/api/access-grants.csv?toolId=tool-x");
            Assert.Equal(status, csv.StatusCode);
        }
        using (var ok = await officer.GetAsync("/api/access-grants?toolId=tool-x")) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using (var bad = await officer.GetAsync("/api/access-grants?employee=nobody&status=maybe")) Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var admin = app.As(Admin);
        using (var page = await admin.GetAsync("/training")) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        using (var recorded = await admin.PostAsJsonAsync("/api/training-completions", completion)) Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
    }

    [Fact]
    public async Task Requests_OnlyForRegisteredTools_OncePerToolAndEmployee_AndOnlyOfficersRevoke()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var toolId = await RegisterToolAsync(app);

        using var unknown = await http.PostRequestAsync("tool-not-registered");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("toolId"));
        using var invalid = await http.PostAsJsonAsync("/api/access-requests", new { toolId, employeeEmail = "sam at city", department = "" });
        var invalidErrors = JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True(invalidErrors.ContainsKey("employeeEmail") && invalidErrors.ContainsKey("department"));
        using var extra = await http.PostAsJsonAsync("/api/access-requests", new { toolId, employeeEmail = Employee, department = "Utilities", admin = true });
        Assert.Equal(HttpStatusCode.BadRequest, extra.StatusCode);

        var first = await http.RequestAccessAsync(toolId);
        using var second = await http.PostRequestAsync(toolId, Employee.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((string)first["grantId"]!, (string)JsonNode.Parse(await second.Content.ReadAsStringAsync())!["grantId"]!);
        Assert.Single(await http.MailAsync(), m => m.To == Employee);

        // The form page lists tools in service.
        using var form = await http.GetAsync("/access/new");
        Assert.Contains("Minutes Drafter", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Only an officer closes a request; the employee is told why.
        var revoke = $"/api/access-grants/{(string)first["grantId"]!}/revoke";
        using (var denied = await http.PostAsJsonAsync(revoke, new { reason = "Left the department" })) Assert.Equal(HttpStatusCode.Unauthorized, denied.StatusCode);
        using var officer = app.As(Officer);
        using (var noReason = await officer.PostAsJsonAsync(revoke, new { reason = "" })) Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using (var none = await officer.PostAsJsonAsync("/api/access-grants/grant-000000000000000000000000/revoke", new { reason = "x" })) Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using (var revoked = await officer.PostAsJsonAsync(revoke, new { reason = "Left the department" }))
            Assert.Equal("ended", (string)JsonNode.Parse(await revoked.Content.ReadAsStringAsync())!["status"]!);
        Assert.Contains("Left the department", (await http.SingleMailAsync(Employee, "Access ended")).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DepartmentHeadRefuses_RequestEnds_EmployeeIsTold_LinksAreSpent_AndAskingAgainStartsOver()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var toolId = await RegisterToolAsync(app);
        await http.RequestAccessAsync(toolId);
        var sign = (await http.SingleMailAsync(Employee, "Your request")).LinkPath("/access/sign/");
        var consent = (await http.SingleMailAsync(Director, "Consent needed")).LinkPath("/access/consent/");

        using (var noReason = await http.PostFormAsync(consent, ("decision", "refuse"), ("comments", ""))) Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using (var refused = await http.PostFormAsync(consent, ("decision", "refuse"), ("comments", "Not needed for this role")))
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);

        var told = await http.SingleMailAsync(Employee, "Access refused");
        Assert.Contains("Not needed for this role", told.TextBody, StringComparison.Ordinal);
        using (var spent = await http.GetAsync(consent)) Assert.Equal(HttpStatusCode.Gone, spent.StatusCode);
        using (var closed = await http.GetAsync(sign)) Assert.Equal(HttpStatusCode.Gone, closed.StatusCode);

        // A new request (a day later) is a new round: the old links stay spent, new ones are mailed.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var again = await http.RequestAccessAsync(toolId);
        Assert.Equal("pending", (string)again["status"]!);
        using (var old = await http.GetAsync(sign)) Assert.Equal(HttpStatusCode.Gone, old.StatusCode);
        Assert.Equal(2, (await http.MailAsync()).Count(m => m.To == Director && m.Subject.Contains("Consent needed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARequest_AndAnImportedCompletion_CostAFewStorageTransactions()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        using var admin = app.As(Admin);
        using var officer = app.As(Officer);
        var toolId = await RegisterToolAsync(app);
        await http.RequestAccessAsync(toolId, "warm.up@cityofsacramento.example");

        var before = app.Counter.Snapshot();
        await http.RequestAccessAsync(toolId);
        var request = app.Counter.Since(before);
        before = app.Counter.Snapshot();
        await admin.ImportAsync(Csv("employee_email,course,completed_on", $"{Employee},ai_policy_lms,2026-11-20"));
        var import = app.Counter.Since(before);
        before = app.Counter.Snapshot();
        await officer.GetStringAsync($"/api/access-grants?toolId={toolId}");
        var list = app.Counter.Since(before);
        output.WriteLine($"request: {request}\nimport of one row: {import}\nlist a tool: {list}");

        // Request: tool line, employee file, grant state; the step (state and events in one batch), 2 mails (dev outbox), list line,
        // employee pointer, the answer, the step read back; and a read of the answer per (backed-off) poll while the new instance starts.
        Assert.InRange(request.Total, 1, 16);
        // Import of one row: employee file, grant state (read to skip what it would not act on, then by the gateway), the step, list line
        // (read + write), the answer, the step read back, file write, the record (blob x2, retention workflow).
        Assert.InRange(import.Total, 1, 18);
        Assert.Equal(1, list.Total);
    }
}

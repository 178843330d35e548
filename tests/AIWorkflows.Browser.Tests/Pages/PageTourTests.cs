using AIWorkflows.Browser.Tests.Fixtures;
using AIWorkflows.Testing;
using AIWorkflows.Testing.AccessGrants;
using AIWorkflows.Testing.UnionNotices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AIWorkflows.Browser.Tests.Pages;

/// <summary>
/// The pages the approval journey does not reach, each opened the way its person opens it (an
/// emailed link, a signed-in role, an address) and each form sent once with errors: screenshots,
/// axe and the form-error check as in the journeys.
/// </summary>
[Collection(OnBrowser.Name)]
public class PageTourTests(BrowserWorld world, ITestOutputHelper output)
{
    private const string RecordsOfficer = "rita.records@cityofsacramento.example; records_officer";
    private const string LaborRelations = "laborrelations@cityofsacramento.example; labor_relations";

    [Fact]
    public async Task RequesterPages_FindARequest_AnswerOrWithdraw_ReportAnIncident()
    {
        var visit = new Visit(world, "tour-requester", output);
        await using var tour = new PageTour(world, visit, world.App);
        using var http = world.App.Http();
        var approved = await http.ApproveAsync(AppClient.HighRiskRequest("tour.requester@cityofsacramento.example"));
        var page = await tour.AsAsync();

        Assert.Equal(200, await tour.OpenAsync(page, "/requests", "find a request"));
        await tour.Hands.FillAsync(page.GetByLabel("Request id"), "req-nope");
        await tour.SendWithErrorsAsync(page, "Find the request", "find a request with errors", "id");

        var received = await http.SingleMailAsync("tour.requester@cityofsacramento.example", "Received");
        await tour.OpenAsync(page, received.Links.Single(l => l.Label == "Withdraw or answer findings").Url, "respond link after the decision");

        Assert.Equal(200, await tour.OpenAsync(page, $"/incidents/new?tool={approved["toolId"]}", "report an incident"));
        await tour.SendWithErrorsAsync(page, "Report the incident", "report an incident with errors", "description");
        await tour.Hands.FillAsync(page.GetByLabel("Your email address"), "casey.worker@cityofsacramento.example");
        await tour.Hands.ChooseAsync(page.GetByRole(AriaRole.Group, new() { Name = "How serious is it?" }).GetByRole(AriaRole.Radio).First);
        await tour.Hands.FillAsync(page.GetByLabel("What happened?"), "The summary named the wrong customer.");
        Assert.Equal(200, await tour.SendAsync(page, "Report the incident", "incident reported"));

        // Not signed in: the report waits for the AI officer, who opens the emailed triage link.
        var officer = await tour.AsAsync();
        var triage = await http.SingleMailAsync(AccessClient.Officer.Split(';')[0], "Incident report to triage");
        Assert.Equal(200, await tour.OpenAsync(officer, triage.LinkPath("/triage/"), "incident triage"));
        await tour.SendWithErrorsAsync(officer, "Record my decision", "incident triage with errors", "decision", "comments");
    }

    [Fact]
    public async Task RequesterPages_AnswerFindings()
    {
        var visit = new Visit(world, "tour-remediation", output);
        await using var tour = new PageTour(world, visit, world.App);
        using var http = world.App.Http();
        const string requester = "remy.requester@cityofsacramento.example";
        var before = (await http.MailAsync()).Select(m => m.Id).ToHashSet();
        await http.SubmitAsync(AppClient.HighRiskRequest(requester));
        var director = (await http.MailAsync()).Single(m => !before.Contains(m.Id) && m.Subject.Contains("Decision needed", StringComparison.Ordinal));
        using (var r = await http.PostFormAsync(director.LinkPath("/tasks/"), ("decision", "request_remediation"), ("comments", "Name who reads each summary.")))
            Assert.True(r.IsSuccessStatusCode);
        var page = await tour.AsAsync();

        var changes = await http.SingleMailAsync(requester, "Changes requested");
        Assert.Equal(200, await tour.OpenAsync(page, changes.Links.Single().Url, "answer findings"));
        await tour.SendWithErrorsAsync(page, "Send my response", "answer findings with errors", "action");
    }

    [Fact]
    public async Task UnionPages_AnOrganizationAnswersTheNotice_LaborRelationsOpensTheCase()
    {
        var visit = new Visit(world, "tour-union", output);
        await using var tour = new PageTour(world, visit, world.App);
        using var http = world.App.Http();
        var request = await http.SubmitAsync(UnionClient.AffectingRequest(["Administrative Analyst"]));
        foreach (var _ in Enumerable.Range(0, 3))
            foreach (var mail in (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed on Permit Triage", StringComparison.Ordinal)))
                using (await http.PostFormAsync(mail.LinkPath("/tasks/"), ("decision", "approve"), ("comments", "ok"))) { }
        var status = await http.GetRequestAsync((string)request["id"]!);
        Assert.Equal("union_notice", (string)status["status"]!);
        var noticeId = (string)status["union"]!["noticeId"]!;
        var page = await tour.AsAsync();

        var letter = (await http.MailAsync()).First(m => m.Subject.Contains("Notice of new AI technology", StringComparison.Ordinal));
        Assert.Equal(200, await tour.OpenAsync(page, letter.LinkPath("/union/"), "union notice"));
        await tour.SendWithErrorsAsync(page, "Send our answer", "union notice with errors", "answer");
        await tour.Hands.ChooseAsync(page.GetByRole(AriaRole.Radio).First);
        await tour.Hands.FillAsync(page.GetByLabel("Your name"), "Sam Steward");
        Assert.Equal(200, await tour.SendAsync(page, "Send our answer", "union notice answered"));

        var labor = await tour.AsAsync(LaborRelations);
        Assert.Equal(200, await tour.OpenAsync(labor, $"/union-cases/{noticeId}", "union case"));
    }

    [Fact]
    public async Task AccessPages_RequestSignConsent_AndTheTrainingAdministrator()
    {
        var visit = new Visit(world, "tour-access", output);
        await using var tour = new PageTour(world, visit, world.App);
        using var http = world.App.Http();
        var toolId = await AccessClient.RegisterToolAsync(world.App, "tool-tour-minutes");
        var employee = await tour.AsAsync();

        Assert.Equal(200, await tour.OpenAsync(employee, "/access/new", "access request"));
        await tour.SendWithErrorsAsync(employee, "Request access", "access request with errors", "toolId", "employeeEmail", "department");
        await tour.Hands.SelectAsync(employee.GetByLabel("Which tool?"), "Minutes Drafter");
        await tour.Hands.FillAsync(employee.GetByLabel("Your work email address"), "tour.employee@cityofsacramento.example");
        await tour.Hands.SelectAsync(employee.GetByLabel("Your department"), "Utilities");
        Assert.Equal(200, await tour.SendAsync(employee, "Request access", "access requested"));

        var welcome = await http.SingleMailAsync("tour.employee@cityofsacramento.example", "Your request for Minutes Drafter");
        Assert.Equal(200, await tour.OpenAsync(employee, welcome.LinkPath("/access/sign/"), "sign the agreement"));
        await tour.SendWithErrorsAsync(employee, "Sign the agreement", "sign the agreement with errors", "agree");

        var director = await tour.AsAsync();
        var ask = (await http.MailAsync()).First(m => m.Subject.Contains("Consent needed", StringComparison.Ordinal) && m.TextBody.Contains("tour.employee", StringComparison.Ordinal));
        Assert.Equal(200, await tour.OpenAsync(director, ask.LinkPath("/access/consent/"), "department head consent"));
        await tour.SendWithErrorsAsync(director, "Send my answer", "department head consent with errors", "decision");

        var admin = await tour.AsAsync(AccessClient.Admin);
        Assert.Equal(200, await tour.OpenAsync(admin, "/training", "training"));
        await tour.SendWithErrorsAsync(admin, "Record", "training with errors", "employeeEmail", "courseId", "completedOn");
        Assert.NotNull(toolId);
    }

    [Fact]
    public async Task OfficerPages_RegisterImport_RecordsAccessLogAndReviews_AndRefusals()
    {
        var visit = new Visit(world, "tour-officers", output);
        await using var tour = new PageTour(world, visit, world.App);
        var officer = await tour.AsAsync(AccessClient.Officer);
        Assert.Equal(200, await tour.OpenAsync(officer, "/inventory/import", "register import"));
        await tour.SendWithErrorsAsync(officer, "Import", "register import with errors");

        var records = await tour.AsAsync(RecordsOfficer);
        Assert.Equal(200, await tour.OpenAsync(records, "/records/access-log", "records access log"));
        Assert.Equal(200, await tour.OpenAsync(records, "/records/reviews", "records disposition reviews"));
        Assert.Equal(200, await tour.OpenAsync(records, "/records", "records search"));
        await tour.SendWithErrorsAsync(records, "Place a legal hold on the tool", "records tool hold with errors", "holdToolId");

        var stranger = await tour.AsAsync("pat.lee@cityofsacramento.example; requester");
        Assert.Equal(403, await tour.OpenAsync(stranger, "/records", "records refused"));
        var anonymous = await tour.AsAsync();
        Assert.Equal(401, await tour.OpenAsync(anonymous, "/training", "training refused"));
    }

    [Fact]
    public async Task ErrorPages_UnknownAddress_ForgedLink_ServerError()
    {
        var visit = new Visit(world, "tour-errors", output);
        await using var tour = new PageTour(world, visit, world.App);
        var page = await tour.AsAsync();
        Assert.Equal(404, await tour.OpenAsync(page, "/no-such-page", "unknown address"));
        Assert.Equal(404, await tour.OpenAsync(page, "/tasks/not-a-real-token", "forged task link"));
        Assert.Equal(404, await tour.OpenAsync(page, "/requests/req-0123456789abcdef", "unknown request"));
        Assert.Equal(500, await tour.OpenAsync(page, "/error/500", "server error page"));
    }

    [Fact]
    public async Task LifecyclePages_ReassessmentByOwnerAndOfficer_AndARecordOnHold()
    {
        // Re-assessment falls due months after approval: this test moves the clock of an app of its own.
        await using var app = await world.StartAppAsync();
        var visit = new Visit(world, "tour-lifecycle", output);
        await using var tour = new PageTour(world, visit, app);
        using var http = app.Http();
        const string owner = "olive.owner@cityofsacramento.example";
        var approved = await http.ApproveAsync(AppClient.HighRiskRequest(owner));
        // High tier: quarterly; the owner is asked 14 days before the due date.
        app.Clock.SetUtcNow(app.Clock.GetUtcNow().AddMonths(3).AddDays(-14));
        await http.SweepAsync();

        var page = await tour.AsAsync();
        var attest = await http.SingleMailAsync(owner, "Re-assessment of");
        Assert.Equal(200, await tour.OpenAsync(page, attest.LinkPath("/reassess/"), "reassessment by the owner"));
        await tour.SendWithErrorsAsync(page, "Submit my attestation", "reassessment by the owner with errors", "use");
        await tour.Hands.FillAsync(page.GetByLabel("How is the tool used now?"), "Daily by four supervisors.");
        await tour.Hands.FillAsync(page.GetByLabel("Has the data it handles changed?"), "none");
        await tour.Hands.FillAsync(page.GetByLabel("Incidents since the last review"), "none");
        Assert.Equal(200, await tour.SendAsync(page, "Submit my attestation", "reassessment attested"));

        var review = await http.SingleMailAsync("aio@cityofsacramento.example", "Review the re-assessment");
        Assert.Equal(200, await tour.OpenAsync(page, review.LinkPath("/reassess/"), "reassessment by the AI officer"));
        await tour.SendWithErrorsAsync(page, "Record my review", "reassessment by the AI officer with errors", "outcome");

        var records = await tour.AsAsync(RecordsOfficer);
        var recordPath = $"/records/{approved["toolId"]}.decision-{approved["id"]}";
        Assert.Equal(200, await tour.OpenAsync(records, recordPath, "record"));
        await tour.Hands.FillAsync(records.GetByLabel("Reason for a new hold"), "Litigation: Doe v. City");
        Assert.Equal(200, await tour.SendAsync(records, "Place a legal hold", "record on hold"));
        await tour.SendWithErrorsAsync(records, "Place a legal hold", "record hold with errors", "reason");
    }
}

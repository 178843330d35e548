using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;
using static AIWorkflows.Testing.UnionNotices.UnionClient;

namespace AIWorkflows.App.Tests.UnionNotices;

/// <summary>
/// Sacramento VI.A.7 through emails and the clock: notice to the affected organizations, one waives,
/// one meets and confers to agreement, and the tool goes live only after the minimum lead time.
/// Notice on Monday 23 November 2026, 09:00 PT; Thanksgiving and the day after are holidays, so the
/// window closes at the end of Wednesday 9 December and go-live is possible from 23 December, 09:00.
/// </summary>
[Collection(OnAzurite.Name)]
public class UnionNoticeJourneyTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Pst = TimeSpan.FromHours(-8);
    private static readonly DateTimeOffset ReminderAt = new(2026, 12, 4, 9, 0, 0, Pst);
    private static readonly DateTimeOffset WindowClosesAt = new(2026, 12, 10, 0, 0, 0, Pst);
    private static readonly DateTimeOffset EarliestGoLiveAt = new(2026, 12, 23, 9, 0, 0, Pst);

    [Fact]
    public async Task AffectedOrganizations_OneWaivesOneMeetsAndConfersToAgreement_ToolGoesLiveAfterTheLeadTime()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var request = await http.ApproveByEveryReviewerAsync(AffectingRequest(["Administrative Analyst", "Program Manager"]));
        var (id, toolId) = ((string)request["id"]!, (string)request["toolId"]!);
        Assert.Equal("union_notice", (string)request["status"]!);
        var union = request["union"]!.AsObject();
        var noticeId = (string)union["noticeId"]!;
        Assert.Equal(WindowClosesAt, union["windowClosesAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(EarliestGoLiveAt, union["earliestGoLiveAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(["iuoe_local_39", "scxea"], union["organizations"]!.AsArray().Select(o => (string)o!["id"]!).Order());

        // The letter: tool, purpose, affected classifications, planned go-live, contact, and the response link; kept as a record.
        var letter = await http.SingleMailAsync(Local39, "Notice of new AI technology");
        foreach (var part in new[] { "Permit Triage Assistant by Acme AI", "Sort incoming permit applications", "Administrative Analyst", "15 January 2027", LaborRelations, "end of Wednesday 9 December 2026" })
            Assert.Contains(part, letter.TextBody, StringComparison.Ordinal);
        var scxeaLetter = await http.SingleMailAsync(Scxea, "Notice of new AI technology");
        Assert.Contains("Program Manager", scxeaLetter.TextBody, StringComparison.Ordinal);
        await http.SingleMailAsync(LaborRelations, "Notice sent");
        var archive = app.Services.GetRequiredService<IRecordArchive>();
        Assert.Equal(2, (await archive.ListAsync(toolId, "union_notice", default)).Count);

        // Opening a link changes nothing; a task link or a made-up token opens nothing here.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 10, 0, 0, Pst));
        using (var page = await http.GetAsync(letter.LinkPath("/union/")))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Request to meet and confer", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var forged = await http.GetAsync("/union/not-a-token")) Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal("noticed", (string)Organization(await http.GetRequestAsync(id), "iuoe_local_39")["status"]!);

        using (var waived = await http.AnswerAsync(scxeaLetter.LinkPath("/union/"), "waive")) Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
        using (var invalid = await http.PostFormAsync(letter.LinkPath("/union/"), ("answer", "maybe"))) Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using (var requested = await http.AnswerAsync(letter.LinkPath("/union/"), "meet_and_confer")) Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        using (var spent = await http.GetAsync(scxeaLetter.LinkPath("/union/"))) Assert.Equal(HttpStatusCode.Gone, spent.StatusCode);
        await http.SingleMailAsync(LaborRelations, "waives");
        await http.SingleMailAsync(LaborRelations, "requests to meet and confer");
        request = await http.GetRequestAsync(id);
        Assert.Equal(("waived", "meet_and_confer"), ((string)Organization(request, "scxea")["status"]!, (string)Organization(request, "iuoe_local_39")["status"]!));
        Assert.True((bool)Organization(request, "iuoe_local_39")["case"]!["holdsGoLive"]!);

        // Only labor relations opens the case page.
        using (var anonymous = await http.GetAsync($"/union-cases/{noticeId}")) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var other = await http.GetAsUserAsync($"/union-cases/{noticeId}", "clerk@cityofsacramento.example; requester")) Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        // Labor relations logs the meeting with its minutes, then concludes by agreement.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 15, 0, 0, Pst));
        using (var noMinutes = await http.PostCaseFormAsync(noticeId, "Meeting", [("meetingOrganization", "iuoe_local_39"), ("date", "2026-12-03"), ("attendees", "x")]))
            Assert.Equal(HttpStatusCode.BadRequest, noMinutes.StatusCode);
        using (var meeting = await http.PostCaseFormAsync(noticeId, "Meeting",
            [("meetingOrganization", "iuoe_local_39"), ("date", "2026-12-03"), ("attendees", "Labor relations; Local 39 steward; Utilities")],
            ("minutes-2026-12-03.pdf", MinutesPdf("Agreed: analysts keep final say on every letter"))))
        {
            Assert.Equal(HttpStatusCode.OK, meeting.StatusCode);
            Assert.Contains("logged", await meeting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var minutes = Assert.Single(await archive.ListAsync(toolId, "meeting_minutes", default));
        using (var concluded = await http.PostCaseFormAsync(noticeId, "Conclude",
            [("conclusionOrganization", "iuoe_local_39"), ("outcome", "agreement"), ("summary", "Side letter: analysts approve every letter; no monitoring of output rates.")]))
            Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
        using (var caseJson = await http.GetAsUserAsync($"/api/union-notices/{noticeId}", LaborUser))
        {
            var view = JsonNode.Parse(await caseJson.Content.ReadAsStringAsync())!.AsObject();
            var local39 = view["organizations"]!.AsArray().Single(o => (string)o!["id"]! == "iuoe_local_39")!;
            Assert.Equal("agreement", (string)local39["status"]!);
            Assert.Equal(minutes.RecordId, (string)local39["case"]!["meetings"]![0]!["minutesRecordId"]!);
        }

        // Everyone has answered and the case is concluded, but go-live waits for the minimum lead time.
        app.Clock.SetUtcNow(ReminderAt.AddMinutes(1));
        await http.SweepAsync();
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Reminder: union notice", StringComparison.Ordinal));
        app.Clock.SetUtcNow(EarliestGoLiveAt.AddMinutes(-5));
        await http.SweepAsync();
        Assert.Equal("union_notice", (string)(await http.GetRequestAsync(id))["status"]!);

        app.Clock.SetUtcNow(EarliestGoLiveAt.AddMinutes(1));
        await http.SweepAsync();
        request = await http.GetRequestAsync(id);
        Assert.Equal("approved", (string)request["status"]!);
        Assert.Equal("cleared", (string)request["union"]!["status"]!);
        await http.SingleMailAsync(Requester, "Cleared for roll-out");
        await http.SingleMailAsync(Requester, "Approved: Permit Triage Assistant");
        Assert.Equal("approved", (await app.Services.GetRequiredService<ToolLifecycleService>().GetAsync(toolId, false, default))!.State.Status);
        Assert.Equal(2, (await archive.ListAsync(toolId, "meeting_minutes", default)).Count); // the minutes and the case's conclusion

        using var status = await http.GetAsync($"/requests/{id}");
        var html = await status.Content.ReadAsStringAsync();
        Assert.Contains("Notice to employee organizations", html, StringComparison.Ordinal);
        Assert.Contains("Concluded by agreement", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAnswerByTheWindowsEnd_CountsAsWaived_AfterAReminder_AndALateRequestOpensACaseWithoutStoppingTheTool()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var id = (string)(await http.ApproveByEveryReviewerAsync(AffectingRequest(["Administrative Analyst"])))["id"]!;
        var letter = await http.SingleMailAsync(Local39, "Notice of new AI technology");

        app.Clock.SetUtcNow(ReminderAt.AddMinutes(1));
        await http.SweepAsync();
        var reminder = await http.SingleMailAsync(LaborRelations, "Reminder: union notice window closes");
        Assert.Contains("Stationary Engineers, Local 39", reminder.TextBody, StringComparison.Ordinal);

        app.Clock.SetUtcNow(WindowClosesAt.AddMinutes(-1));
        await http.SweepAsync();
        Assert.Equal("noticed", (string)Organization(await http.GetRequestAsync(id), "iuoe_local_39")["status"]!);
        app.Clock.SetUtcNow(WindowClosesAt.AddMinutes(1));
        await http.SweepAsync();
        var request = await http.GetRequestAsync(id);
        Assert.Equal(("deemed_waived", "union_notice"), ((string)Organization(request, "iuoe_local_39")["status"]!, (string)request["status"]!));

        app.Clock.SetUtcNow(EarliestGoLiveAt.AddMinutes(1));
        await http.SweepAsync();
        Assert.Equal("approved", (string)(await http.GetRequestAsync(id))["status"]!);

        // Sacramento VI.A.7: learning of the implementation later does not bar a request to meet and confer.
        app.Clock.SetUtcNow(EarliestGoLiveAt.AddDays(20));
        using (var page = await http.GetAsync(letter.LinkPath("/union/")))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("value=\"waive\"", html, StringComparison.Ordinal);
        }
        using (var late = await http.AnswerAsync(letter.LinkPath("/union/"), "meet_and_confer")) Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        request = await http.GetRequestAsync(id);
        Assert.Equal("approved", (string)request["status"]!);
        Assert.Equal("meet_and_confer", (string)Organization(request, "iuoe_local_39")["status"]!);
        Assert.False((bool)Organization(request, "iuoe_local_39")["case"]!["holdsGoLive"]!);
        await http.SingleMailAsync(LaborRelations, "requests to meet and confer");
    }

    [Fact]
    public async Task EmergencyAdoption_ApprovesAtOnce_AndStillSendsTheNotices()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var request = await http.ApproveAsync(AffectingRequest(["Administrative Analyst", "Program Manager"], emergency: "Storm damage: permit backlog must be triaged this week."));
        var (id, toolId) = ((string)request["id"]!, (string)request["toolId"]!);

        Assert.Equal("emergency", (string)request["union"]!["status"]!);
        foreach (var to in new[] { Local39, Scxea })
            Assert.Contains("Storm damage", (await http.SingleMailAsync(to, "Notice of new AI technology")).TextBody, StringComparison.Ordinal);
        Assert.NotNull(await app.Services.GetRequiredService<ToolLifecycleService>().GetAsync(toolId, false, default));
        Assert.Equal(2, (await app.Services.GetRequiredService<IRecordArchive>().ListAsync(toolId, "union_notice", default)).Count);

        // A request to meet and confer within the window opens a case; the tool stays in use.
        var letter = await http.SingleMailAsync(Scxea, "Notice of new AI technology");
        using var answer = await http.PostAsync($"/api{letter.LinkPath("/union/")}/answer",
            JsonContent.Create(new { answer = "meet_and_confer", name = "Alex Rep", comments = "Impact on managers' review load" }));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        request = await http.GetRequestAsync(id);
        Assert.Equal("approved", (string)request["status"]!);
        Assert.False((bool)Organization(request, "scxea")["case"]!["holdsGoLive"]!);
    }
}

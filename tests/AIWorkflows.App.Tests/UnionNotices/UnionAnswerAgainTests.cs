using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.Domain.UnionNotices;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static AIWorkflows.Testing.UnionNotices.UnionClient;

namespace AIWorkflows.App.Tests.UnionNotices;

/// <summary>
/// An organization's answer posted again (a double click, or a retry after a commit that landed but whose
/// answer was lost) is answered as recorded, by the form and the API alike; it is recorded and mailed once.
/// A different answer after the first is still refused.
/// </summary>
[Collection(OnAzurite.Name)]
public class UnionAnswerAgainTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Comments = "Workload and monitoring of staff";

    [Fact]
    public async Task TheSameWaiverPostedAgain_ByFormAndApi_IsRecorded_RecordedAndMailedOnce_ButADifferentAnswerIsRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (noticeId, link) = await NoticeAsync(http, Scxea);

        var first = await http.PostPageAsync(link, ("answer", "waive"), ("name", "Sam Steward"), ("comments", Comments));
        var before = app.Counter.Snapshot();
        var again = await http.PostPageAsync(link, ("answer", "waive"), ("name", " Sam Steward "), ("comments", Comments + "\n"));
        var cost = app.Counter.Since(before);
        using var api = await http.PostAsJsonAsync($"/api{link}/answer", new { answer = "waive", name = "Sam Steward", comments = Comments });

        foreach (var p in new[] { first, again })
        {
            Assert.Equal((HttpStatusCode.OK, "Answer recorded"), (p.Status, p.Heading));
            Assert.Contains("waives meeting and conferring on Permit Triage Assistant", p.Text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var answered = JsonNode.Parse(await api.Content.ReadAsStringAsync())!;
        Assert.Equal(("waived", "Your waiver is recorded."), ((string)answered["status"]!, (string)answered["message"]!));
        // The repeat is checked on the notice the link reads anyway: one read, no write.
        output.WriteLine($"a repeated answer: {cost}");
        Assert.Equal(1, cost.Total);

        // A different answer after the first is refused as before, by the form and the API; so is a changed comment.
        var changed = await http.PostPageAsync(link, ("answer", "meet_and_confer"), ("name", "Sam Steward"), ("comments", Comments));
        Assert.Equal((HttpStatusCode.Gone, "This notice needs nothing more from you"), (changed.Status, changed.Heading));
        using var changedApi = await http.PostAsJsonAsync($"/api{link}/answer", new { answer = "waive", name = "Sam Steward", comments = "Another reason" });
        Assert.Equal(HttpStatusCode.Gone, changedApi.StatusCode);
        using (var page = await http.GetAsync(link)) Assert.Equal(HttpStatusCode.Gone, page.StatusCode);

        var notice = await NoticeHistoryAsync(app, noticeId);
        Assert.Single(notice.Events, e => e.Event is UnionNoticeEvent.NoticeWaived);
        Assert.DoesNotContain(notice.Events, e => e.Event is UnionNoticeEvent.MeetAndConferRequested);
        Assert.Equal("waived", notice.State.CaseOrNull!.Organization("scxea")!.Status);
        await http.SingleMailAsync(LaborRelations, "waives");
    }

    [Fact]
    public async Task TheSameRequestToMeetPostedAgain_ByApiAndForm_OpensOneCase_MailedOnce_ButAWaiverAfterIsRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (noticeId, link) = await NoticeAsync(http, Local39);

        using var first = await http.PostAsJsonAsync($"/api{link}/answer", new { answer = "meet_and_confer", name = "Sam Steward", comments = Comments });
        using var api = await http.PostAsJsonAsync($"/api{link}/answer", new { answer = "meet_and_confer", name = "Sam Steward", comments = Comments });
        var again = await http.PostPageAsync(link, ("answer", "meet_and_confer"), ("name", "Sam Steward"), ("comments", Comments));

        foreach (var r in new[] { first, api })
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("meet_and_confer", (string)JsonNode.Parse(await r.Content.ReadAsStringAsync())!["status"]!);
        }
        Assert.Equal((HttpStatusCode.OK, "Answer recorded"), (again.Status, again.Heading));
        Assert.Contains("requests to meet and confer on Permit Triage Assistant", again.Text, StringComparison.Ordinal);

        var waiver = await http.PostPageAsync(link, ("answer", "waive"), ("name", "Sam Steward"), ("comments", Comments));
        Assert.Equal((HttpStatusCode.Gone, "This notice needs nothing more from you"), (waiver.Status, waiver.Heading));
        using var otherName = await http.PostAsJsonAsync($"/api{link}/answer", new { answer = "meet_and_confer", name = "Another Steward", comments = Comments });
        Assert.Equal(HttpStatusCode.Gone, otherName.StatusCode);

        var notice = await NoticeHistoryAsync(app, noticeId);
        Assert.Single(notice.Events, e => e.Event is UnionNoticeEvent.MeetAndConferRequested);
        Assert.DoesNotContain(notice.Events, e => e.Event is UnionNoticeEvent.NoticeWaived);
        await http.SingleMailAsync(LaborRelations, "requests to meet and confer");
    }

    [Fact]
    public async Task ALateRequestAfterADeemedWaiver_PostedAgain_IsRecordedOnce_FromTheNoticesHistory()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (noticeId, link) = await NoticeAsync(http, Local39);
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 10, 0, 1, 0, TimeSpan.FromHours(-8))); // the window has closed
        await http.SweepAsync();

        // The deemed waiver stays the organization's answer, so the request's name and comments are only in the history.
        var first = await http.PostPageAsync(link, ("answer", "meet_and_confer"), ("name", "Sam Steward"), ("comments", Comments));
        var again = await http.PostPageAsync(link, ("answer", "meet_and_confer"), ("name", "Sam Steward"), ("comments", Comments));
        using var api = await http.PostAsJsonAsync($"/api{link}/answer", new { answer = "meet_and_confer", name = "Sam Steward", comments = Comments });
        var changed = await http.PostPageAsync(link, ("answer", "meet_and_confer"), ("name", "Sam Steward"), ("comments", "Something else"));

        Assert.All(new[] { first, again }, p => Assert.Equal((HttpStatusCode.OK, "Answer recorded"), (p.Status, p.Heading)));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, changed.Status);
        var notice = await NoticeHistoryAsync(app, noticeId);
        Assert.Equal(AnswerKind.DeemedWaived, notice.State.CaseOrNull!.Organization("iuoe_local_39")!.Answer!.Kind);
        Assert.Single(notice.Events, e => e.Event is UnionNoticeEvent.MeetAndConferRequested);
        await http.SingleMailAsync(LaborRelations, "requests to meet and confer");
    }

    /// <summary>An approved request that affects analysts and program managers; the notice and the response link mailed to <paramref name="to"/>.</summary>
    private static async Task<(string NoticeId, string Link)> NoticeAsync(HttpClient http, string to)
    {
        var request = await http.ApproveByEveryReviewerAsync(AffectingRequest(["Administrative Analyst", "Program Manager"]));
        return ((string)request["union"]!["noticeId"]!, (await http.SingleMailAsync(to, "Notice of new AI technology")).LinkPath("/union/"));
    }

    private static async Task<Storage.Deciding.Snapshot<UnionNotice, UnionNoticeEvent>> NoticeHistoryAsync(AIWorkflowsApp app, string noticeId) =>
        (await app.Services.GetRequiredService<UnionNoticeService>().GetAsync(noticeId, default))!;
}

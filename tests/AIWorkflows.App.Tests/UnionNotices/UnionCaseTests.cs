using System.Net;
using System.Net.Http.Json;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.Testing;
using static AIWorkflows.Testing.UnionNotices.UnionClient;

namespace AIWorkflows.App.Tests.UnionNotices;

/// <summary>Labor relations' side of a case: what the minutes upload and the conclusion refuse, and the JSON API.</summary>
[Collection(OnAzurite.Name)]
public class UnionCaseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CasePage_RefusesMinutesOfTheWrongTypeOrOverTheCap_AndImpasseBeforeAnyMeeting_ThenTheApiConcludes()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var request = await http.ApproveByEveryReviewerAsync(AffectingRequest(["Administrative Analyst"]));
        var noticeId = (string)request["union"]!["noticeId"]!;
        var letter = await http.SingleMailAsync(Local39, "Notice of new AI technology");
        using (var requested = await http.AnswerAsync(letter.LinkPath("/union/"), "meet_and_confer")) Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        app.Clock.Advance(TimeSpan.FromDays(2));
        var today = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).ToString("yyyy-MM-dd");
        (string, string)[] meeting = [("meetingOrganization", "iuoe_local_39"), ("date", today), ("attendees", "Labor relations; steward")];

        using (var exe = await http.PostCaseFormAsync(noticeId, "Meeting", meeting, ("minutes.exe", [0x4d, 0x5a])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, exe.StatusCode);
            Assert.Contains("Attach the minutes as PDF", await exe.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var huge = await http.PostCaseFormAsync(noticeId, "Meeting", meeting, ("minutes.pdf", new byte[AIWorkflows.App.Web.UploadedFile.MaxBytes + 1])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
            Assert.Contains("at most 10 MB", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var future = await http.PostCaseFormAsync(noticeId, "Meeting", [("meetingOrganization", "iuoe_local_39"), ("date", "2030-01-01"), ("attendees", "x")], ("m.pdf", MinutesPdf("x"))))
            Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        using (var impasse = await ConcludeAsync(http, noticeId, "impasse"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, impasse.StatusCode);
            Assert.Contains("at least one meeting", await impasse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var anonymous = await http.PostAsync($"/api/union-notices/{noticeId}/conclusions", JsonContent.Create(new { })))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var agreed = await ConcludeAsync(http, noticeId, "agreement")) Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        using (var again = await ConcludeAsync(http, noticeId, "agreement")) Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("agreement", (string)Organization(await http.GetRequestAsync((string)request["id"]!), "iuoe_local_39")["status"]!);
    }

    private static async Task<HttpResponseMessage> ConcludeAsync(HttpClient http, string noticeId, string outcome)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/union-notices/{noticeId}/conclusions")
        {
            Content = JsonContent.Create(new { organizationId = "iuoe_local_39", outcome, summary = "Agreed on review of drafts by analysts." }),
        };
        request.Headers.Add("X-Dev-User", LaborUser);
        return await http.SendAsync(request);
    }
}

using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>The whole approval, as the people involved drive it: form API, emails, task links, deadlines, outcome.</summary>
[Collection(OnAzurite.Name)]
public class ApprovalJourneyTests(AzuriteFixture azurite)
{
    private const string Director = "director.utilities@cityofsacramento.example";

    [Fact]
    public async Task HighRiskRequest_ThroughEveryReviewByEmailedLinks_IsApprovedWithARecordedDecision()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var created = await http.SubmitAsync(AppClient.HighRiskRequest());
        var id = (string)created["id"]!;
        Assert.Equal(("in_review", "high"), ((string)created["status"]!, (string)created["riskTier"]!));

        // Sacramento V.D.1: the department's director is engaged first, alone.
        var mails = await http.MailAsync();
        var directorMail = Assert.Single(mails, m => m.Subject.Contains("Decision needed", StringComparison.Ordinal));
        var directorTask = directorMail.LinkPath("/tasks/");

        // Link scanners fetch GET and HEAD; neither may change anything.
        var before = await http.GetRequestAsync(id);
        for (var i = 0; i < 3; i++)
        {
            using var page = await http.GetAsync(directorTask);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, directorTask));
            Assert.True(head.IsSuccessStatusCode);
        }
        Assert.Equal(before.ToJsonString(), (await http.GetRequestAsync(id)).ToJsonString());

        using (var decided = await http.PostFormAsync(directorTask, ("decision", "approve"), ("comments", "Fits our service plan")))
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        using (var again = await http.PostFormAsync(directorTask, ("decision", "reject"), ("comments", "changed my mind")))
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);

        // Stage two: AI officer, security officer, city attorney each get their own link.
        var stageTwo = (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal) && m.To != directorMail.To).ToList();
        Assert.Equal(3, stageTwo.Count);
        foreach (var mail in stageTwo)
        {
            var verdict = mail.To.StartsWith("iso", StringComparison.Ordinal) ? "approve_with_conditions" : "approve";
            using var r = await http.PostFormAsync(mail.LinkPath("/tasks/"), ("decision", verdict), ("comments", "Multi-factor sign-in for all users"));
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var final = await http.GetRequestAsync(id);
        Assert.Equal("approved", (string)final["status"]!);
        Assert.Contains("Multi-factor", final["conditions"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Contains(final["timeline"]!.AsArray(), e => (string)e!["type"]! == "approved");
        await http.SingleMailAsync(AppClientRequester, "Approved");

        // The decision record is kept with its hash.
        var archive = app.Services.GetRequiredService<IRecordArchive>();
        var records = await archive.ListAsync((string)final["toolId"]!, "decision_record", default);
        var record = Assert.Single(records);
        Assert.Equal(["application/json", "text/html; charset=utf-8"], record.Renditions.Select(r => r.ContentType));
        Assert.All(record.Renditions, r => Assert.Matches("^[0-9a-f]{64}$", r.Sha256));
    }

    private const string AppClientRequester = "pat.lee@cityofsacramento.example";

    [Fact]
    public async Task OpenReview_AsBusinessDaysPass_IsRemindedThenEscalatedNamingWhatIsOverdue()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await http.SubmitAsync(AppClient.HighRiskRequest());
        Assert.Equal(0, (int)(await http.SweepAsync())["woken"]!);

        // Mon 23 Nov 09:00 Pacific. Thanksgiving and the day after are city holidays (the pack), so three
        // business days end Mon 30 Nov and five end Wed 2 Dec.
        app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (int)(await http.SweepAsync())["woken"]!);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await http.SweepAsync();
        var reminder = Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Reminder", StringComparison.Ordinal));
        Assert.Equal(Director, reminder.To);

        app.Clock.Advance(TimeSpan.FromDays(2));
        await http.SweepAsync();
        var escalation = Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Overdue", StringComparison.Ordinal));
        Assert.Contains("Department Director", escalation.TextBody, StringComparison.Ordinal);
        Assert.Contains(Director, escalation.TextBody, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(0, (int)(await http.SweepAsync())["woken"]!);
    }
}

using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.Testing;
using Xunit.Abstractions;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>
/// The requester's resubmission or withdrawal posted again through the emailed link (a double click, or a retry
/// after a commit that landed but whose answer was lost) is answered as done; it is recorded and mailed once.
/// A different response after the first is still refused.
/// </summary>
[Collection(OnAzurite.Name)]
public class RequesterResponseAgainTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Requester = "pat.lee@cityofsacramento.example";
    private const string Director = "director.utilities@cityofsacramento.example";

    [Fact]
    public async Task TheSameResubmissionPostedAgain_IsDone_StartsOneNewRound_ButAnotherResponseIsRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (id, respond) = await InRemediationAsync(http);

        var first = await http.PostPageAsync(respond, ("action", "resubmit"), ("response", "Added a retention plan"));
        var asked = (await http.MailAsync()).Count(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal));
        var before = app.Counter.Snapshot();
        var again = await http.PostPageAsync(respond, ("action", "resubmit"), ("response", "Added a retention plan "));
        var cost = app.Counter.Since(before);

        foreach (var p in new[] { first, again })
        {
            Assert.Equal((HttpStatusCode.OK, "Response recorded"), (p.Status, p.Heading));
            Assert.Contains("The request is back with the reviewers.", p.Text, StringComparison.Ordinal);
        }
        // Checked on the request the link reads anyway: one read, no write.
        output.WriteLine($"a repeated resubmission: {cost}");
        Assert.Equal(1, cost.Total);
        var other = await http.PostPageAsync(respond, ("action", "resubmit"), ("response", "Something else"));
        Assert.Equal(HttpStatusCode.BadRequest, other.Status);
        Assert.Contains("Nothing to resubmit", other.Text, StringComparison.Ordinal);

        var request = await http.GetRequestAsync(id);
        Assert.Equal("in_review", (string)request["status"]!);
        Assert.Single(request["timeline"]!.AsArray(), e => (string)e!["type"]! == "resubmitted");
        Assert.Equal(asked, (await http.MailAsync()).Count(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)));
        Assert.Equal(2, (await http.MailAsync()).Count(m => m.To == Director && m.Subject.Contains("Decision needed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheSameWithdrawalPostedAgain_IsDone_AndRecordedOnce_ButAnotherReasonIsRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (id, respond) = await InRemediationAsync(http);

        var first = await http.PostPageAsync(respond, ("action", "withdraw"), ("response", "The pilot is cancelled"));
        var again = await http.PostPageAsync(respond, ("action", "withdraw"), ("response", "The pilot is cancelled"));
        var other = await http.PostPageAsync(respond, ("action", "withdraw"), ("response", "Another reason"));

        foreach (var p in new[] { first, again })
        {
            Assert.Equal((HttpStatusCode.OK, "Response recorded"), (p.Status, p.Heading));
            Assert.Contains("The request is withdrawn.", p.Text, StringComparison.Ordinal);
        }
        Assert.Equal((HttpStatusCode.Gone, "This request is closed"), (other.Status, other.Heading));
        var request = await http.GetRequestAsync(id);
        Assert.Equal("withdrawn", (string)request["status"]!);
        Assert.Single(request["timeline"]!.AsArray(), e => (string)e!["type"]! == "withdrawn");
    }

    /// <summary>A request the department director sends back for changes; the requester's link from the mail saying so.</summary>
    private static async Task<(string Id, string Respond)> InRemediationAsync(HttpClient http)
    {
        var id = (string)(await http.SubmitAsync(AppClient.HighRiskRequest(Requester)))["id"]!;
        var task = (await http.SingleMailAsync(Director, "Decision needed")).LinkPath("/tasks/");
        using (var sentBack = await http.PostFormAsync(task, ("decision", "request_remediation"), ("comments", "Say how long summaries are kept")))
            Assert.Equal(HttpStatusCode.OK, sentBack.StatusCode);
        return (id, (await http.SingleMailAsync(Requester, "Changes requested")).LinkPath("/respond/"));
    }
}

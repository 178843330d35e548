using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.Testing;
using static AIWorkflows.Testing.UnionNotices.UnionClient;

namespace AIWorkflows.App.Tests.UnionNotices;

/// <summary>
/// An approved request that waits on the notice to employee organizations can still be withdrawn by its requester
/// through the link in the mail that acknowledged it: the page offers only withdrawal, and each noticed
/// organization is told the notice is withdrawn. Before, the link said "This request is closed".
/// </summary>
[Collection(OnAzurite.Name)]
public class WithdrawDuringNoticeTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheRequesterWithdrawsWhileTheUnionsAreNoticed_TheOrganizationsAreToldAndTheLinkThenSaysClosed()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var request = await http.ApproveByEveryReviewerAsync(AffectingRequest(["Administrative Analyst", "Program Manager"]));
        var id = (string)request["id"]!;
        Assert.Equal("union_notice", (string)request["status"]!);
        var respond = (await http.SingleMailAsync(Requester, "Received")).LinkPath("/respond/");

        var page = await http.GetPageAsync(respond);
        Assert.Equal((HttpStatusCode.OK, "Your request: Permit Triage Assistant"), (page.Status, page.Heading));
        Assert.Contains("waiting on the notice to the affected employee organizations", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"resubmit\"", page.Html, StringComparison.Ordinal);
        var resubmit = await http.PostPageAsync(respond, ("action", "resubmit"), ("response", "Nothing changed"));
        Assert.Equal(HttpStatusCode.BadRequest, resubmit.Status);
        Assert.Contains("Nothing to resubmit", resubmit.Text, StringComparison.Ordinal);

        var withdrawn = await http.PostPageAsync(respond, ("action", "withdraw"), ("response", "The department chose another way to triage permits"));
        Assert.Equal((HttpStatusCode.OK, "Response recorded"), (withdrawn.Status, withdrawn.Heading));
        Assert.Contains("The request is withdrawn.", withdrawn.Text, StringComparison.Ordinal);
        Assert.Equal("withdrawn", (string)(await http.GetRequestAsync(id))["status"]!);
        await http.SingleMailAsync(Local39, "Notice withdrawn");
        await http.SingleMailAsync(Scxea, "Notice withdrawn");

        var closed = await http.GetPageAsync(respond);
        Assert.Equal((HttpStatusCode.Gone, "This request is closed"), (closed.Status, closed.Heading));
    }
}

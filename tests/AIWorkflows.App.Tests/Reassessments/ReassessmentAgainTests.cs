using System.Net;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;

namespace AIWorkflows.App.Tests.Reassessments;

/// <summary>
/// The owner's attestation or the AI officer's review posted again (a double click, or a retry after a commit
/// that landed but whose answer was lost) is answered as recorded; it is recorded, mailed and kept once.
/// A different answer after the first is still refused.
/// </summary>
[Collection(OnAzurite.Name)]
public class ReassessmentAgainTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Owner = "clerk@cityofsacramento.example";
    private const string Officer = "aio@cityofsacramento.example";
    private const string ToolId = "tool-minutes-drafter";

    [Fact]
    public async Task TheSameAttestationAndReviewPostedAgain_AreRecordedOnce_ButDifferentAnswersAreRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var attest = await OwnerLinkAsync(app, http);
        (string, string)[] attestation = [("use", "Daily by 4 clerks"), ("dataChanges", "none"), ("incidentsSince", "none")];

        var first = await http.PostPageAsync(attest, attestation);
        var before = app.Counter.Snapshot();
        var again = await http.PostPageAsync(attest, ("use", "Daily by 4 clerks "), ("dataChanges", "none"), ("incidentsSince", "none"));
        var cost = app.Counter.Since(before);
        foreach (var p in new[] { first, again })
        {
            Assert.Equal((HttpStatusCode.OK, "Recorded"), (p.Status, p.Heading));
            Assert.Contains("Your attestation is recorded", p.Text, StringComparison.Ordinal);
        }
        // Checked on the tool as this process last committed it, else on the read a refusal makes anyway: no write.
        output.WriteLine($"a repeated attestation: {cost}");
        Assert.InRange(cost.Total, 0, 1);
        var changed = await http.PostPageAsync(attest, ("use", "Weekly"), ("dataChanges", "none"), ("incidentsSince", "none"));
        Assert.Equal((HttpStatusCode.Gone, "This re-assessment task is done"), (changed.Status, changed.Heading));

        // The review raises the tier; the same review again is recorded, one that keeps the tier or another outcome is not the same.
        var review = (await http.SingleMailAsync(Officer, "Review the re-assessment")).LinkPath("/reassess/");
        (string, string)[] decision = [("outcome", "continue"), ("tier", "medium"), ("comments", "Controls verified")];
        var reviewed = await http.PostPageAsync(review, decision);
        var reviewedAgain = await http.PostPageAsync(review, decision);
        foreach (var p in new[] { reviewed, reviewedAgain })
        {
            Assert.Equal((HttpStatusCode.OK, "Recorded"), (p.Status, p.Heading));
            Assert.Contains("Your review is recorded", p.Text, StringComparison.Ordinal);
        }
        var keepTier = await http.PostPageAsync(review, ("outcome", "continue"), ("tier", ""), ("comments", "Controls verified"));
        var suspend = await http.PostPageAsync(review, ("outcome", "suspend"), ("tier", "medium"), ("comments", "Controls verified"));
        Assert.All(new[] { keepTier, suspend }, p => Assert.Equal((HttpStatusCode.Gone, "This re-assessment task is done"), (p.Status, p.Heading)));

        // Once the review is complete the attestation is only in the history: the same one again is still recorded.
        var late = await http.PostPageAsync(attest, attestation);
        Assert.Equal((HttpStatusCode.OK, "Recorded"), (late.Status, late.Heading));
        using (var page = await http.GetAsync(attest)) Assert.Equal(HttpStatusCode.Gone, page.StatusCode);

        var tool = (await app.Services.GetRequiredService<ToolLifecycleService>().GetAsync(ToolId, withEvents: true, default))!;
        Assert.Single(tool.Events, e => e.Event is Attested);
        Assert.Single(tool.Events, e => e.Event is ReassessmentCompleted);
        Assert.Single(tool.Events, e => e.Event is TierChanged);
        Assert.Equal("medium", tool.State.ProfileOrNull!.Tier);
        await http.SingleMailAsync(Officer, "Review the re-assessment");
        Assert.Single(await app.Services.GetRequiredService<IRecordArchive>().ListAsync(ToolId, "reassessment", default));
    }

    [Fact]
    public async Task TheSameRetirementPostedAgain_IsRecorded_AndTheToolRetiredOnce()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var attest = await OwnerLinkAsync(app, http);
        using (var attested = await http.PostFormAsync(attest, ("use", "Rarely"), ("dataChanges", "none"), ("incidentsSince", "none")))
            Assert.Equal(HttpStatusCode.OK, attested.StatusCode);
        var review = (await http.SingleMailAsync(Officer, "Review the re-assessment")).LinkPath("/reassess/");

        var first = await http.PostPageAsync(review, ("outcome", "retire"), ("tier", ""), ("comments", "Replaced by the records system"));
        var again = await http.PostPageAsync(review, ("outcome", "retire"), ("tier", ""), ("comments", "Replaced by the records system"));
        var other = await http.PostPageAsync(review, ("outcome", "retire"), ("tier", ""), ("comments", "Another reason"));

        Assert.All(new[] { first, again }, p => Assert.Equal((HttpStatusCode.OK, "Recorded"), (p.Status, p.Heading)));
        Assert.Contains("See Minutes Drafter in the public register", again.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, other.Status);
        var tool = (await app.Services.GetRequiredService<ToolLifecycleService>().GetAsync(ToolId, withEvents: true, default))!;
        Assert.Equal("retired", tool.State.Status);
        Assert.Single(tool.Events, e => e.Event is ToolRetired);
        await http.SingleMailAsync(Owner, "is retired");
    }

    /// <summary>A registered low-risk tool due in ten days: the sweep opens its re-assessment and mails the owner's link.</summary>
    private static async Task<string> OwnerLinkAsync(AIWorkflowsApp app, HttpClient http)
    {
        var profile = new ToolProfile(ToolId, null, "Minutes Drafter", "Acme AI", "Utilities", "Drafts meeting minutes from notes.",
            "The clerk edits every draft.", ["internal"], false, true, "assistive", "production", "low", Owner, [], [], "test", null);
        Assert.True(await app.Services.GetRequiredService<ToolLifecycleService>().RegisterAsync(profile, app.Clock.GetUtcNow().AddDays(10), default));
        await http.SweepAsync();
        return (await http.SingleMailAsync(Owner, "Re-assessment of")).LinkPath("/reassess/");
    }
}

using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Security;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Testing;
using AIWorkflows.Testing.AccessGrants;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static AIWorkflows.Testing.AccessGrants.AccessClient;

namespace AIWorkflows.App.Tests.AccessGrants;

/// <summary>
/// The employee's signature or the department head's answer posted again (a double click, or a retry after a
/// commit that landed but whose answer was lost) is answered as recorded; it is recorded and mailed once.
/// A different answer after the first is still refused.
/// </summary>
[Collection(OnAzurite.Name)]
public class AccessLinkAgainTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task TheSameSignaturePostedAgain_IsRecorded_SignedAndGrantedOnce_ButADifferentPostIsRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (grantId, sha, sign, consent) = await RequestAsync(app, http);
        await TrainAsync(app);
        using (var consented = await http.PostFormAsync(consent, ("decision", "consent"), ("comments", ""))) Assert.Equal(HttpStatusCode.OK, consented.StatusCode);

        var first = await http.PostPageAsync(sign, ("agree", "yes"), ("sha256", sha));
        var before = app.Counter.Snapshot();
        var again = await http.PostPageAsync(sign, ("agree", "yes"), ("sha256", sha));
        var cost = app.Counter.Since(before);

        foreach (var p in new[] { first, again })
        {
            Assert.Equal((HttpStatusCode.OK, "Agreement signed"), (p.Status, p.Heading));
            Assert.Contains("You now have access to Minutes Drafter.", p.Text, StringComparison.Ordinal);
        }
        // The repeat is checked on the grant the link reads anyway: one read, no write.
        output.WriteLine($"a repeated signature: {cost}");
        Assert.Equal(1, cost.Total);

        // Not ticking the box, or another text's fingerprint, is not the signature recorded: refused as before.
        var unticked = await http.PostPageAsync(sign, ("sha256", sha));
        var otherText = await http.PostPageAsync(sign, ("agree", "yes"), ("sha256", new string('0', 64)));
        Assert.All(new[] { unticked, otherText }, p => Assert.Equal((HttpStatusCode.Gone, "Access is already granted"), (p.Status, p.Heading)));

        var history = await HistoryAsync(app, grantId);
        Assert.Single(history.Events, e => e.Event is AccessGrantEvent.AgreementSigned);
        Assert.Single(history.Events, e => e.Event is AccessGrantEvent.AccessGranted);
        await http.SingleMailAsync(Employee, "Access granted");
    }

    [Fact]
    public async Task TheSameConsentPostedAgain_IsRecorded_RecordedAndGrantedOnce_ButARefusalOrOtherCommentsAfterAreRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (grantId, sha, sign, consent) = await RequestAsync(app, http);
        await TrainAsync(app);
        using (var signed = await http.PostFormAsync(sign, ("agree", "yes"), ("sha256", sha))) Assert.Equal(HttpStatusCode.OK, signed.StatusCode);

        var first = await http.PostPageAsync(consent, ("decision", "consent"), ("comments", "Needed for the clerk's office"));
        var again = await http.PostPageAsync(consent, ("decision", "consent"), ("comments", " Needed for the clerk's office "));
        foreach (var p in new[] { first, again })
        {
            Assert.Equal((HttpStatusCode.OK, "Consent recorded"), (p.Status, p.Heading));
            Assert.Contains($"{Employee} now has access to Minutes Drafter.", p.Text, StringComparison.Ordinal);
        }

        var refusal = await http.PostPageAsync(consent, ("decision", "refuse"), ("comments", "Changed my mind"));
        var otherComments = await http.PostPageAsync(consent, ("decision", "consent"), ("comments", "Another reason"));
        Assert.All(new[] { refusal, otherComments }, p => Assert.Equal((HttpStatusCode.Gone, "Access is already granted"), (p.Status, p.Heading)));

        var history = await HistoryAsync(app, grantId);
        Assert.Single(history.Events, e => e.Event is AccessGrantEvent.ConsentRecorded);
        Assert.True(((AccessGrant.Granted)history.State).File.DepartmentHead!.Given);
        await http.SingleMailAsync(Employee, "Access granted");
    }

    [Fact]
    public async Task TheSameRefusalPostedAgain_IsRecorded_TheEmployeeToldOnce_ButConsentAfterIsRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var (grantId, _, _, consent) = await RequestAsync(app, http);

        var first = await http.PostPageAsync(consent, ("decision", "refuse"), ("comments", "Not needed for this role"));
        var again = await http.PostPageAsync(consent, ("decision", "refuse"), ("comments", "Not needed for this role"));
        var consented = await http.PostPageAsync(consent, ("decision", "consent"), ("comments", ""));

        Assert.All(new[] { first, again }, p => Assert.Equal((HttpStatusCode.OK, "Refusal recorded"), (p.Status, p.Heading)));
        Assert.Equal((HttpStatusCode.Gone, "This request is closed"), (consented.Status, consented.Heading));
        var history = await HistoryAsync(app, grantId);
        Assert.Single(history.Events, e => e.Event is AccessGrantEvent.ConsentRecorded);
        Assert.Equal("refused", history.State.Status);
        await http.SingleMailAsync(Employee, "Access refused");
    }

    /// <summary>A registered tool and the employee's request for it: its id, the agreement's fingerprint and both links.</summary>
    private static async Task<(string GrantId, string Sha, string Sign, string Consent)> RequestAsync(AIWorkflowsApp app, HttpClient http)
    {
        var request = await http.RequestAccessAsync(await RegisterToolAsync(app));
        return ((string)request["grantId"]!, (string)request["agreement"]!["sha256"]!,
            (await http.SingleMailAsync(Employee, "Your request")).LinkPath("/access/sign/"),
            (await http.SingleMailAsync(Director, "Consent needed")).LinkPath("/access/consent/"));
    }

    private static async Task TrainAsync(AIWorkflowsApp app)
    {
        using var admin = AccessClient.As(app, Admin);
        var report = await admin.ImportAsync(Csv("employee_email,course,completed_on", $"{Employee},ai_policy_lms,2026-11-20", $"{Employee},genai_authorized_use,2026-11-20"));
        Assert.Equal(2, (int)report["recorded"]!);
    }

    private static async Task<Snapshot<AccessGrant, AccessGrantEvent>> HistoryAsync(AIWorkflowsApp app, string grantId) =>
        (await app.Services.GetRequiredService<WorkflowLog<AccessGrant, AccessGrantEvent>>().LoadAsync(grantId, includeEvents: true, default))!;
}

using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Deciding;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;
using static AIWorkflows.Domain.AccessGrants.AccessGrantEvent;

namespace AIWorkflows.Domain.Tests.AccessGrants;

// Albuquerque 4.1: access is granted by DTI, after the department head's consent (a pack setting).
public partial class AccessGrantTests
{
    private const string Dti = "ai@cabq.example";

    private static readonly Requirements WithDti = Required with { GrantedBy = "DTI" };

    private static RequestAccess RequestWithDti() =>
        new("grant-1", "tool-1", "Transcribe", Employee, "Utilities", WithDti, new Dictionary<string, DateOnly> { ["ethics"] = LastMonth }, true, Now);

    private static AccessGrant ConsentedAwaitingDti() =>
        Given(RequestWithDti(), new SignAgreement(Employee, Hash, Now), new GiveConsent("head@city.example", true, "ok", Now));

    [Fact]
    public void GivenDtiGrants_WhenTheDepartmentHeadConsentsLast_ThenNotGrantedButWaitingForDti()
    {
        var s = ConsentedAwaitingDti();

        Assert.Equal("pending", s.Status);
        Assert.Equal(["waiting for DTI to grant access"], AccessGrantDecider.Missing(s.FileOrNull!, Now));
        Assert.True(AccessGrantDecider.AwaitsGrantor(s.FileOrNull!, Now));
    }

    [Fact]
    public void GivenWaitingForDti_WhenDtiGrants_ThenGranted_AndWhoAndWhenAreRecorded()
    {
        var events = D.Decide(new DecideGrant(Dti, true, "account ABQ-123", Now.AddHours(2)), ConsentedAwaitingDti());

        var decided = Assert.IsType<GrantDecided>(events[0]);
        Assert.Equal(new GrantDecision(Dti, true, "account ABQ-123", Now.AddHours(2)), decided.Decision);
        Assert.IsType<AccessGranted>(events[^1]);
        var s = D.Fold(ConsentedAwaitingDti(), events);
        Assert.Equal("granted", s.Status);
        Assert.Equal(Dti, s.FileOrNull!.Grantor!.By);
    }

    [Fact]
    public void GivenWaitingForDti_WhenDtiRefuses_ThenRefusedWithTheReason()
    {
        var s = D.Fold(ConsentedAwaitingDti(), D.Decide(new DecideGrant(Dti, false, "no licence left", Now), ConsentedAwaitingDti()));

        Assert.Equal("refused", s.Status);
        Assert.Equal("refused by DTI: no licence left", Assert.IsType<AccessGrant.Ended>(s).Reason);
    }

    [Fact]
    public void GivenDtiGrants_WhenDtiDecidesBeforeConsentOrTwice_ThenNothingIsDecided()
    {
        var beforeConsent = Given(RequestWithDti(), new SignAgreement(Employee, Hash, Now));
        Assert.Empty(D.Decide(new DecideGrant(Dti, true, "", Now), beforeConsent));
        Assert.False(AccessGrantDecider.AwaitsGrantor(beforeConsent.FileOrNull!, Now));

        var granted = D.Fold(ConsentedAwaitingDti(), D.Decide(new DecideGrant(Dti, true, "", Now), ConsentedAwaitingDti()));
        Assert.Empty(D.Decide(new DecideGrant(Dti, false, "changed my mind", Now), granted));
    }

    [Fact]
    public void GivenNoDtiStep_WhenTheDepartmentHeadConsentsLast_ThenGrantedAsBefore_AndADtiDecisionDecidesNothing()
    {
        var s = GrantedState();

        Assert.Equal("granted", s.Status);
        Assert.Empty(D.Decide(new DecideGrant(Dti, true, "", Now), Given(Request(new() { ["ethics"] = LastMonth }), new SignAgreement(Employee, Hash, Now))));
    }

    [Fact]
    public void GivenDtiGranted_WhenTrainingLapsesAndIsRenewed_ThenAccessReturnsWithoutAskingDtiAgain()
    {
        var granted = D.Fold(ConsentedAwaitingDti(), D.Decide(new DecideGrant(Dti, true, "", Now), ConsentedAwaitingDti()));
        var expiry = ((AccessGrant.Granted)granted).ExpiresAt;
        var lapsed = D.Fold(granted, D.Decide(new Deadline(GrantDeadline.Expiry, expiry, expiry), granted));
        Assert.Equal("pending", lapsed.Status);

        var renewed = D.Fold(lapsed, D.Decide(new RecordTraining("ethics", DateOnly.FromDateTime(expiry.UtcDateTime), expiry), lapsed));

        Assert.Equal("granted", renewed.Status);
    }
}

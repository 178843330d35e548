using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Deciding;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;
using static AIWorkflows.Domain.AccessGrants.AccessGrantEvent;

namespace AIWorkflows.Domain.Tests.AccessGrants;

public partial class AccessGrantTests
{
    private static readonly AccessGrantDecider D = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);
    private const string Employee = "sam@city.example";
    private const string Hash = "ab12";

    private static readonly Requirements Required = new(
        [new RequiredCourse("ethics", "AI fundamentals and ethics", 12)], "Ethical Use of AI", Hash, true, 30);

    private static RequestAccess Request(Dictionary<string, DateOnly>? done = null, bool inService = true) =>
        new("grant-1", "tool-1", "Transcribe", Employee, "Utilities", Required, done ?? [], inService, Now);

    private static AccessGrant Given(params IEnumerable<AccessGrantCommand> commands)
    {
        var s = D.Initial;
        foreach (var c in commands) s = D.Fold(s, D.Decide(c, s));
        return s;
    }

    private static readonly DateOnly LastMonth = new(2026, 10, 20);

    private static AccessGrant AllButTraining() => Given(Request(), new SignAgreement(Employee, Hash, Now), new GiveConsent("head@city.example", true, "ok", Now));

    private static AccessGrant GrantedState() => Given(Request(new() { ["ethics"] = LastMonth }), new SignAgreement(Employee, Hash, Now), new GiveConsent("head@city.example", true, "ok", Now));

    [Fact]
    public void GivenMissingTraining_WhenEverythingElseHolds_ThenStillPendingAndSaysWhy()
    {
        var s = AllButTraining();

        Assert.Equal("pending", s.Status);
        Assert.Equal(["course 'AI fundamentals and ethics' not completed"], AccessGrantDecider.Missing(s.FileOrNull!, Now));
    }

    [Fact]
    public void GivenPending_WhenTheLastRequirementArrives_ThenGrantedUntilTheCourseLapses()
    {
        var events = D.Decide(new RecordTraining("ethics", LastMonth, Now), AllButTraining());

        var granted = Assert.IsType<AccessGranted>(events[^1]);
        Assert.Equal(new DateTimeOffset(2027, 10, 20, 0, 0, 0, TimeSpan.Zero), granted.ExpiresAt);
        Assert.Equal(granted.ExpiresAt.AddDays(-30), granted.RemindAt);
    }

    [Fact]
    public void GivenExpiredTraining_WhenAccessIsRequested_ThenPendingOnTheExpiredCourse()
    {
        var s = Given(Request(new() { ["ethics"] = new DateOnly(2025, 1, 1) }), new SignAgreement(Employee, Hash, Now), new GiveConsent("h@city.example", true, "ok", Now));

        Assert.Equal("pending", s.Status);
        Assert.Contains("expired", Assert.Single(AccessGrantDecider.Missing(s.FileOrNull!, Now)), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenUnsignedAgreement_ThenPending_AndASignatureOfAnotherTextOrByAnotherPersonCountsForNothing()
    {
        var s = Given(Request(new() { ["ethics"] = LastMonth }), new GiveConsent("h@city.example", true, "ok", Now));

        Assert.Equal("pending", s.Status);
        Assert.Empty(D.Decide(new SignAgreement(Employee, "other-text", Now), s));
        Assert.Empty(D.Decide(new SignAgreement("boss@city.example", Hash, Now), s));
        Assert.Equal("granted", D.Fold(s, D.Decide(new SignAgreement(Employee, Hash, Now), s)).Status);
    }

    [Fact]
    public void GivenRefusedConsent_ThenTheRequestEnds()
    {
        var s = Given(Request(), new GiveConsent("h@city.example", false, "Not for this team", Now));

        Assert.Equal("refused", s.Status);
    }

    [Fact]
    public void GivenGranted_WhenTheToolIsSuspended_ThenAccessLapsesAndReturnsWhenReinstated()
    {
        var suspended = D.Fold(GrantedState(), D.Decide(new ToolStatusChanged("suspended", Now), GrantedState()));
        Assert.Equal("pending", suspended.Status);

        Assert.Equal("granted", D.Fold(suspended, D.Decide(new ToolStatusChanged("approved", Now.AddDays(3)), suspended)).Status);
        Assert.Equal("ended", D.Fold(suspended, D.Decide(new ToolStatusChanged("retired", Now.AddDays(3)), suspended)).Status);
    }

    [Fact]
    public void GivenASuspendedTool_WhenAccessIsRequested_ThenPendingUntilItIsInService()
    {
        var s = Given(Request(new() { ["ethics"] = LastMonth }, inService: false), new SignAgreement(Employee, Hash, Now), new GiveConsent("h@city.example", true, "ok", Now));

        Assert.Equal(["the tool is not in service"], AccessGrantDecider.Missing(s.FileOrNull!, Now));
    }

    [Fact]
    public void GivenGranted_WhenTheReminderAndExpiryFall_ThenRemindedThenLapsed()
    {
        var g = Assert.IsType<AccessGrant.Granted>(GrantedState());

        var reminded = D.Fold(g, D.Decide(new Deadline(GrantDeadline.Reminder, g.RemindAt, g.RemindAt), g));
        var lapsed = D.Decide(new Deadline(GrantDeadline.Expiry, g.ExpiresAt, g.ExpiresAt), reminded);

        Assert.True(((AccessGrant.Granted)reminded).Reminded);
        Assert.Contains("expired", Assert.IsType<AccessLapsed>(Assert.Single(lapsed)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenGranted_WhenRenewedBeforeExpiry_ThenTheExpiryMovesAndTheOldTimersAreStale()
    {
        var g = Assert.IsType<AccessGrant.Granted>(GrantedState());
        var renewed = D.Fold(g, D.Decide(new RecordTraining("ethics", new DateOnly(2027, 9, 1), Now.AddMonths(10)), g));

        var r = Assert.IsType<AccessGrant.Granted>(renewed);
        Assert.Equal(new DateTimeOffset(2028, 9, 1, 0, 0, 0, TimeSpan.Zero), r.ExpiresAt);
        Assert.Empty(D.Decide(new Deadline(GrantDeadline.Expiry, g.ExpiresAt, g.ExpiresAt), renewed));
        Assert.Empty(D.Decide(new RecordTraining("ethics", LastMonth, Now), renewed)); // an older row re-imported
    }

    [Fact]
    public void GivenEnded_WhenRequestedAgain_ThenPendingAgain()
    {
        var ended = Given(Request(), new Revoke("admin@city.example", "Left the team", Now));

        Assert.Equal("ended", ended.Status);
        Assert.Equal("pending", D.Fold(ended, D.Decide(Request(), ended)).Status);
        Assert.Empty(D.Decide(new RecordTraining("other-course", LastMonth, Now), Given(Request())));
    }
}

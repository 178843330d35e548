using AIWorkflows.Domain.Records;
using static AIWorkflows.Domain.Records.RecordCommand;
using static AIWorkflows.Domain.Records.RecordEvent;
using static AIWorkflows.Domain.Tests.Records.RecordRetentionSpec;

namespace AIWorkflows.Domain.Tests.Records;

// The orchestration keeps one durable timer for the earliest deadline and decides every deadline that
// has come: each must decide something once and then be gone, or the catch-up would never end.
public partial class RecordRetentionTests
{
    [Fact]
    public void GivenAKeptRecordWithARunningClock_ItWaitsForTheEndOfRetention()
    {
        var state = Given(Register());

        var deadline = Assert.Single(D.Deadlines(state));

        Assert.Equal(Now.AddYears(5), deadline.DueAt);
        Assert.Equal(new RetentionDue(Now.AddYears(5), Now.AddYears(5)), deadline.Command);
    }

    [Fact]
    public void GivenRecordsWhoseClockHasNotStartedOrNeverEnds_TheyWaitForNoDeadline()
    {
        Assert.Empty(D.Deadlines(Given(Register("decision_record"))));
        Assert.Empty(D.Deadlines(Given(Register("disposition_certificate"))));
        Assert.Empty(D.Deadlines(D.Initial));
    }

    [Fact]
    public void GivenAHeldRecord_WhenItsEndIsDecided_ThenItIsDeferredOnceAndWaitsForTheRelease()
    {
        var state = Given(Register(), Hold());
        var (events, after) = When(state, Assert.Single(D.Deadlines(state)).Command);

        Single<DispositionDeferred>(events);
        Assert.Empty(D.Deadlines(after));
        Assert.Empty(D.Decide(DueTimer(state), after));
    }

    [Fact]
    public void GivenARecordInReview_WhenAHoldIsPlaced_ThenNoDeferralFollowsAndTheReleaseReopensTheReview()
    {
        var held = Given(Register(), DueTimer(Given(Register())), Hold(at: Now.AddYears(5).AddDays(1)));

        Assert.Empty(D.Deadlines(held));
        var (events, after) = When(held, new ReleaseHold("hold-1", "records@city.example", "Case closed", Now.AddYears(5).AddDays(2)));
        Single<DispositionReviewOpened>(events);
        Assert.IsType<RecordRetention.InReview>(after);
    }

    [Fact]
    public void GivenAnExtendedRecord_ItWaitsForTheNewEnd()
    {
        var review = InReview();
        var until = Now.AddYears(7);

        var (_, after) = When(review, new Extend("records@city.example", "Audit pending", until, Now.AddYears(5).AddDays(1)));

        Assert.Equal(until, Assert.Single(D.Deadlines(after)).DueAt);
    }

    [Fact]
    public void OnlyADisposedRecordIsFinal()
    {
        var review = InReview();
        var (_, disposed) = When(review, new Dispose("records@city.example", "Schedule complete", Now.AddYears(5).AddDays(1)));

        Assert.True(D.IsFinal(disposed));
        Assert.False(D.IsFinal(review));
        Assert.False(D.IsFinal(Given(Register(), Hold())));
    }
}

using AIWorkflows.Domain.Records;
using static AIWorkflows.Domain.Records.RecordCommand;
using static AIWorkflows.Domain.Records.RecordEvent;
using static AIWorkflows.Domain.Tests.Records.RecordRetentionSpec;

namespace AIWorkflows.Domain.Tests.Records;

public partial class RecordRetentionTests
{
    [Fact]
    public void GivenAKeptRecord_WhenAHoldIsPlaced_ThenItIsOnHoldWithTheReasonAndWho()
    {
        var (events, state) = When(Given(Register()), Hold());

        var hold = Single<HoldPlaced>(events).Hold;
        Assert.Equal(("Litigation: Doe v. City", "records@city.example"), (hold.Reason, hold.By));
        Assert.Equal("on_hold", state.Status);
    }

    [Fact]
    public void GivenAHeldRecord_WhenItsRetentionEnds_ThenDispositionIsDeferredAndNoReviewOpens()
    {
        var state = Given(Register(), Hold());

        var (events, after) = When(state, DueTimer(state));

        Assert.Equal(["hold-1"], Single<DispositionDeferred>(events).HoldIds);
        Assert.DoesNotContain(events, e => e is DispositionReviewOpened);
        Assert.IsType<RecordRetention.Kept>(after);
        Assert.Contains("legal hold", RecordRetentionDecider.Refusal(new Dispose("r@city.example", "due", Now.AddYears(6)), after), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAHeldRecordPastItsEnd_WhenTheLastHoldIsReleased_ThenTheDeferredReviewOpens()
    {
        var registered = Given(Register());
        var end = registered.ClockOrNull!.EndsAt!.Value;
        var held = Given(Register(), Hold("h1"), Hold("h2"), DueTimer(registered));

        var (first, _) = When(held, new ReleaseHold("h1", "records@city.example", "Case closed", end.AddDays(1)));
        Assert.DoesNotContain(first, e => e is DispositionReviewOpened);

        var (events, after) = When(Given(Register(), Hold("h1"), Hold("h2"), DueTimer(registered), new ReleaseHold("h1", "r", "closed", end.AddDays(1))),
            new ReleaseHold("h2", "records@city.example", "Settled", end.AddDays(2)));

        Assert.Equal("Settled", Single<HoldReleased>(events).Reason);
        Assert.Equal(end, Single<DispositionReviewOpened>(events).DueAt);
        Assert.IsType<RecordRetention.InReview>(after);
    }

    [Fact]
    public void GivenAHeldRecordBeforeItsEnd_WhenTheHoldIsReleased_ThenItIsKeptUntilItsEnd()
    {
        var (events, after) = When(Given(Register(), Hold()), new ReleaseHold("hold-1", "r@city.example", "Closed", Now.AddYears(1)));

        Assert.Single(events);
        Assert.Equal("kept", after.Status);
    }

    [Fact]
    public void GivenARecordInReview_WhenAHoldIsPlaced_ThenTheReviewEndsAndDisposalIsRefused()
    {
        var (_, after) = When(InReview(), Hold(at: Now.AddYears(5).AddDays(1)));

        Assert.Equal("on_hold", after.Status);
        Assert.Empty(D.Decide(new Dispose("records@city.example", "Schedule ended", Now.AddYears(5).AddDays(2)), after));
    }

    [Fact]
    public void GivenAHeldRecord_WhenTheSameHoldIsPlacedAgain_ThenNothing()
    {
        Assert.Empty(D.Decide(Hold(), Given(Register(), Hold())));
    }

    [Fact]
    public void GivenARecord_WhenAnUnknownHoldIsReleased_ThenNothingAndTheRefusalSaysSo()
    {
        var state = Given(Register());
        var release = new ReleaseHold("nope", "r@city.example", "x", Now);

        Assert.Empty(D.Decide(release, state));
        Assert.Equal("The record has no such hold.", RecordRetentionDecider.Refusal(release, state));
    }
}

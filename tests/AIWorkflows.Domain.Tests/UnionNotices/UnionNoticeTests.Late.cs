using AIWorkflows.Domain.UnionNotices;
using static AIWorkflows.Domain.Tests.UnionNotices.UnionNoticeSpec;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.Domain.Tests.UnionNotices;

public partial class UnionNoticeTests
{
    [Fact]
    public void GivenNoAnswer_WhenTheWindowCloses_ThenDeemedWaived_AndGoLiveClearsAtTheLeadTime()
    {
        var noticed = Given(StartBoth(), Waive("analysts"));

        var (events, state) = When(noticed, Due(noticed, NoticeDeadline.WindowCloses));

        Assert.Equal("clerks", Single<DeemedWaived>(events).OrganizationId);
        Assert.DoesNotContain(events, e => e is GoLiveCleared); // the lead time has not passed yet
        Assert.Equal("deemed_waived", Org(state, "clerks").Status);
        Assert.Contains(D.Decide(Due(state, NoticeDeadline.EarliestGoLive), state), e => e is GoLiveCleared);
    }

    [Fact]
    public void GivenDeemedWaived_WhenTheOrganizationRequestsLate_ThenACaseOpensThatDoesNotHoldGoLive()
    {
        var deemed = Given(StartClerks());
        deemed = When(deemed, Due(deemed, NoticeDeadline.WindowCloses)).State;

        var (events, state) = When(deemed, Request("clerks", WindowClosesAt.AddDays(3)));

        Assert.False(Single<MeetAndConferRequested>(events).HoldsGoLive);
        Assert.Equal("meet_and_confer", Org(state, "clerks").Status);
        Assert.Equal(AnswerKind.DeemedWaived, Org(state, "clerks").Answer!.Kind);
        Assert.Contains(D.Decide(Due(state, NoticeDeadline.EarliestGoLive), state), e => e is GoLiveCleared);
    }

    [Fact]
    public void GivenTheWindowEndedButItsTimerIsLate_WhenTheOrganizationRequests_ThenItIsDeemedWaivedFirstAndTheCaseDoesNotHold()
    {
        var (events, _) = When(Given(StartClerks()), Request("clerks", WindowClosesAt.AddMinutes(1)));

        Assert.IsType<DeemedWaived>(events[0]);
        Assert.False(Single<MeetAndConferRequested>(events).HoldsGoLive);
    }

    [Fact]
    public void GivenGoLiveCleared_WhenAnOrganizationRequestsLate_ThenACaseOpensAndTheToolStaysCleared()
    {
        var cleared = Given(StartClerks());
        cleared = When(cleared, Due(cleared, NoticeDeadline.WindowCloses)).State;
        cleared = When(cleared, Due(cleared, NoticeDeadline.EarliestGoLive)).State;
        Assert.Equal("cleared", cleared.Status);

        // Sacramento VI.A.7: learning of the implementation later does not bar a request to meet and confer.
        var (events, state) = When(cleared, Request("clerks", EarliestGoLiveAt.AddDays(30)));

        Assert.False(Single<MeetAndConferRequested>(events).HoldsGoLive);
        Assert.Equal(("cleared", "meet_and_confer"), (state.Status, Org(state, "clerks").Status));
        var met = When(state, Meet("clerks", EarliestGoLiveAt.AddDays(40))).State;
        var (concluded, after) = When(met, Agree("clerks", EarliestGoLiveAt.AddDays(41)));
        Assert.IsType<MeetAndConferConcluded>(Assert.Single(concluded)); // nothing left to clear
        Assert.Equal(("cleared", "agreement"), (after.Status, Org(after, "clerks").Status));
    }

    [Fact]
    public void GivenTheEmergencyPath_WhenStarted_ThenAdoptedAtOnceWithTheJustification_AndNoticesStillGo()
    {
        var (events, state) = When(D.Initial, StartBoth(emergency: "Flood response"));

        var started = Single<NoticeStarted>(events);
        Assert.Equal("Flood response", started.EmergencyJustification);
        Assert.Equal(2, started.Organizations.Count);
        Assert.DoesNotContain(events, e => e is GoLiveCleared); // the approval is already approved
        Assert.Equal("emergency", state.Status);
        Assert.Empty(D.Decide(Due(state, NoticeDeadline.EarliestGoLive), state));
    }

    [Fact]
    public void GivenTheEmergencyPath_WhenAnOrganizationRequestsWithinTheWindow_ThenACaseOpensWithoutHolding_AndSilenceIsStillDeemedWaived()
    {
        var emergency = Given(StartBoth(emergency: "Flood response"));

        var (events, state) = When(emergency, Request("clerks"));
        Assert.False(Single<MeetAndConferRequested>(events).HoldsGoLive);
        Assert.Equal(AnswerKind.Requested, Org(state, "clerks").Answer!.Kind);

        var (windowEnd, after) = When(state, Due(state, NoticeDeadline.WindowCloses));
        Assert.Equal("analysts", Single<DeemedWaived>(windowEnd).OrganizationId);
        Assert.Equal("emergency", after.Status);
    }
}

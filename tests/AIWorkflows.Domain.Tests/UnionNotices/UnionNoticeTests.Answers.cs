using AIWorkflows.Domain.UnionNotices;
using static AIWorkflows.Domain.Tests.UnionNotices.UnionNoticeSpec;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.Domain.Tests.UnionNotices;

public partial class UnionNoticeTests
{
    [Fact]
    public void GivenNoticed_WhenTheOrganizationWaives_ThenWaivedButGoLiveWaitsForTheLeadTime()
    {
        var (events, state) = When(Given(StartClerks()), Waive("clerks"));

        Assert.Equal("Sam Steward", Single<NoticeWaived>(events).By);
        Assert.DoesNotContain(events, e => e is GoLiveCleared);
        Assert.Equal(("waived", "notice"), (Org(state, "clerks").Status, state.Status));

        var (atLead, cleared) = When(state, Due(state, NoticeDeadline.EarliestGoLive));
        Assert.Equal(new GoLiveCleared("req-1", EarliestGoLiveAt), Assert.Single(atLead));
        Assert.Equal("cleared", cleared.Status);
    }

    [Fact]
    public void GivenNoticed_WhenTheOrganizationRequestsToMeetAndConfer_ThenACaseOpensThatHoldsGoLive()
    {
        var (events, state) = When(Given(StartClerks()), Request("clerks"));

        var requested = Single<MeetAndConferRequested>(events);
        Assert.True(requested.HoldsGoLive);
        Assert.Equal(Now.AddDays(1).AddDays(60), requested.DueBy); // 60 calendar days, same local time (no clock change between)
        Assert.Equal("meet_and_confer", Org(state, "clerks").Status);

        // The lead time alone does not clear a notice with an open case.
        Assert.Empty(D.Decide(Due(state, NoticeDeadline.EarliestGoLive), state));
    }

    [Fact]
    public void GivenACase_WhenAMeetingIsLoggedAndTheCaseConcludesByAgreementAfterTheLeadTime_ThenGoLiveIsClearedAtOnce()
    {
        var meeting = Meet("clerks");
        var inCase = Given(StartClerks(), Request("clerks"), meeting);
        Assert.Equal(meeting.Minutes, Assert.Single(Org(inCase, "clerks").Case!.Meetings).Minutes);
        Assert.Empty(D.Decide(Due(inCase, NoticeDeadline.EarliestGoLive), inCase));

        var (events, state) = When(inCase, Agree("clerks", EarliestGoLiveAt.AddDays(2)));

        Assert.Equal(CaseOutcome.Agreement, Single<MeetAndConferConcluded>(events).Outcome);
        Assert.Equal(EarliestGoLiveAt.AddDays(2), Single<GoLiveCleared>(events).At);
        Assert.Equal(("agreement", "cleared"), (Org(state, "clerks").Status, state.Status));
    }

    [Fact]
    public void GivenACaseConcludedBeforeTheLeadTime_WhenTheLeadTimeComes_ThenGoLiveIsCleared()
    {
        var concluded = Given(StartClerks(), Request("clerks"), Meet("clerks"), Agree("clerks", Now.AddDays(10)));
        Assert.Equal("notice", concluded.Status);

        var (events, state) = When(concluded, Due(concluded, NoticeDeadline.EarliestGoLive));

        Assert.IsType<GoLiveCleared>(Assert.Single(events));
        Assert.Equal("cleared", state.Status);
    }

    [Fact]
    public void GivenACaseWithoutMeetings_WhenLaborRelationsDeclaresImpasse_ThenRefused_AndAfterAMeetingImpasseConcludes()
    {
        var inCase = Given(StartClerks(), Request("clerks"));
        Assert.Empty(D.Decide(Impasse("clerks", Now.AddDays(5)), inCase));

        var (events, state) = When(Given(StartClerks(), Request("clerks"), Meet("clerks")), Impasse("clerks", Now.AddDays(40)));

        Assert.Equal(CaseOutcome.Impasse, Single<MeetAndConferConcluded>(events).Outcome);
        Assert.Contains(events, e => e is GoLiveCleared);
        Assert.Equal("impasse", Org(state, "clerks").Status);
        Assert.Empty(D.Decide(Agree("clerks", Now.AddDays(41)), state));
        Assert.Empty(D.Decide(Meet("clerks", Now.AddDays(41)), state));
    }

    [Fact]
    public void GivenTwoOrganizations_WhenOneWaivesAndTheOtherRequests_ThenOnlyTheConclusionOfTheCaseClearsGoLive()
    {
        var state = Given(StartBoth(), Waive("analysts"), Request("clerks"));
        Assert.Equal(("waived", "meet_and_confer"), (Org(state, "analysts").Status, Org(state, "clerks").Status));

        var (atLead, _) = When(state, Due(state, NoticeDeadline.EarliestGoLive));
        Assert.Empty(atLead);
        var (windowEnd, _) = When(state, Due(state, NoticeDeadline.WindowCloses));
        Assert.Empty(windowEnd); // both answered: nobody is deemed to have waived

        var (events, after) = When(Given(StartBoth(), Waive("analysts"), Request("clerks"), Meet("clerks")), Agree("clerks", EarliestGoLiveAt.AddHours(1)));
        Assert.Contains(events, e => e is GoLiveCleared);
        Assert.Equal("cleared", after.Status);
    }

    [Fact]
    public void GivenWaived_WhenTheOrganizationAnswersAgain_ThenNothing_AndTheLinkExplainsWhy()
    {
        var waived = Given(StartClerks(), Waive("clerks"));

        Assert.Empty(D.Decide(Waive("clerks"), waived));
        Assert.Empty(D.Decide(Request("clerks"), waived));
        Assert.Contains("waived", UnionNoticeDecider.Refusal(waived, "clerks"), StringComparison.Ordinal);
        Assert.Null(UnionNoticeDecider.Refusal(Given(StartClerks()), "clerks"));
        Assert.NotNull(UnionNoticeDecider.Refusal(waived, "analysts"));
    }

    [Fact]
    public void GivenAnOrganizationNotNoticed_WhenItAnswers_ThenNothing()
    {
        Assert.Empty(D.Decide(Request("analysts"), Given(StartClerks())));
    }

    [Fact]
    public void GivenNoticed_WhenTheRequestIsWithdrawn_ThenAnswersAndTimersDecideNothing()
    {
        var (events, state) = When(Given(StartClerks()), new UnionNoticeCommand.Withdraw("requester@city.example", "Dropped", Now.AddDays(2)));

        Assert.IsType<NoticeWithdrawn>(Assert.Single(events));
        Assert.Equal("withdrawn", state.Status);
        Assert.Empty(D.Decide(Request("clerks"), state));
        Assert.Empty(D.Decide(Due(state, NoticeDeadline.WindowCloses), state));
        Assert.Contains("withdrew", UnionNoticeDecider.Refusal(state, "clerks"), StringComparison.Ordinal);
    }
}

using AIWorkflows.Domain.UnionNotices;
using static AIWorkflows.Domain.Tests.UnionNotices.UnionNoticeSpec;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.Domain.Tests.UnionNotices;

// The deadlines a notice waits on: what an orchestration sets its one durable timer from.
public partial class UnionNoticeTests
{
    [Fact]
    public void GivenANewNotice_ThenItWaitsOnTheReminderAndTheWindow_AsTheTimersItSetDecide()
    {
        var state = Given(StartBoth());

        var deadlines = D.Deadlines(state);

        Assert.Equal([Due(state, NoticeDeadline.Reminder), Due(state, NoticeDeadline.WindowCloses)], deadlines.Select(d => d.Command));
        Assert.Equal([ReminderAt, WindowClosesAt], deadlines.Select(d => d.DueAt));
    }

    [Fact]
    public void GivenTheReminderSent_ThenItWaitsOnTheWindowOnly_AndWhenItCloses_ThenSilenceIsDeemedAWaiver()
    {
        var state = Given(StartBoth(), Waive("analysts"));
        var reminded = When(state, Due(state, NoticeDeadline.Reminder)).State;

        var deadline = Assert.Single(D.Deadlines(reminded));
        var (events, _) = When(reminded, deadline.Command);

        Assert.Equal(Due(state, NoticeDeadline.WindowCloses), deadline.Command);
        Assert.Equal("clerks", Single<DeemedWaived>(events).OrganizationId);
    }

    [Fact]
    public void GivenEveryOrganizationWaivedBeforeTheLeadTime_ThenItWaitsOnTheEarliestGoLive_WhichClearsIt()
    {
        var state = Given(StartClerks(), Waive("clerks"));

        var deadline = Assert.Single(D.Deadlines(state));
        var (events, cleared) = When(state, deadline.Command);

        Assert.Equal(Due(state, NoticeDeadline.EarliestGoLive), deadline.Command);
        Assert.Equal(EarliestGoLiveAt, deadline.DueAt);
        Assert.Equal("req-1", Single<GoLiveCleared>(events).RequestId);
        Assert.Empty(D.Deadlines(cleared));
    }

    [Fact]
    public void GivenAnOpenCase_ThenItWaitsOnTheCaseLimit_AndNotOnTheLeadTime_WhichTheCaseHolds()
    {
        var state = Given(StartClerks(), Request("clerks"));

        var deadline = Assert.Single(D.Deadlines(state));
        var (events, flagged) = When(state, deadline.Command);

        Assert.Equal(Due(state, NoticeDeadline.CaseLimit, "clerks"), deadline.Command);
        Assert.Equal(Org(state, "clerks").Case!.DueBy, deadline.DueAt);
        Assert.Equal("clerks", Single<MeetAndConferOverdue>(events).OrganizationId);
        Assert.Empty(D.Deadlines(flagged));
    }

    [Fact]
    public void GivenAnEmergencyAdoption_ThenItStillWaitsOnTheReminderAndTheWindow_ButNotOnTheLeadTime()
    {
        var state = Given(StartBoth(emergency: "Storm response"));

        Assert.Equal([NoticeDeadline.Reminder, NoticeDeadline.WindowCloses], D.Deadlines(state).Select(d => ((Deadline)d.Command).Kind));
    }

    [Fact]
    public void GivenAnyNotice_WhenEachDeadlineItWaitsOnIsDecidedWhenDue_ThenEachChangesTheState()
    {
        UnionNotice[] states =
        [
            Given(StartBoth()),
            Given(StartBoth(), Waive("analysts"), Request("clerks")),
            Given(StartClerks(), Waive("clerks")),
            Given(StartBoth(emergency: "Storm response"), Request("clerks")),
        ];

        foreach (var state in states)
            foreach (var deadline in D.Deadlines(state))
                Assert.NotEmpty(D.Decide(deadline.Command, state));
    }

    [Fact]
    public void GivenAWithdrawnNoticeOrOneNobodyCanAnswerAgain_ThenItIsFinal_AndWaitsOnNothing()
    {
        var withdrawn = Given(StartBoth(), new Withdraw("requester@city.example", "Not needed", Now.AddDays(2)));
        var settled = Given(StartClerks(), Waive("clerks"));
        settled = When(settled, Due(settled, NoticeDeadline.EarliestGoLive)).State;
        var deemed = Given(StartClerks());
        deemed = When(deemed, Due(deemed, NoticeDeadline.WindowCloses)).State;
        deemed = When(deemed, Due(deemed, NoticeDeadline.EarliestGoLive)).State;

        Assert.True(D.IsFinal(withdrawn));
        Assert.Empty(D.Deadlines(withdrawn));
        Assert.True(D.IsFinal(settled));
        // Deemed to have waived, the clerks may still ask to meet and confer: the notice stays open, waiting on nothing.
        Assert.Equal("cleared", deemed.Status);
        Assert.False(D.IsFinal(deemed));
        Assert.Empty(D.Deadlines(deemed));
        Assert.False(D.IsFinal(Given(StartBoth())));
    }
}

using AIWorkflows.Domain.UnionNotices;
using static AIWorkflows.Domain.Tests.UnionNotices.UnionNoticeSpec;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.Domain.Tests.UnionNotices;

public partial class UnionNoticeTests
{
    [Fact]
    public void GivenOneOrganizationUnanswered_WhenTheReminderComes_ThenLaborRelationsIsRemindedOfThatOneOnce()
    {
        var state = Given(StartBoth(), Waive("analysts"));

        var (events, reminded) = When(state, Due(state, NoticeDeadline.Reminder));

        var reminder = Single<WindowClosingReminded>(events);
        Assert.Equal(["clerks"], reminder.Unanswered);
        Assert.Equal(WindowClosesAt, reminder.WindowClosesAt);
        Assert.Empty(D.Decide(Due(state, NoticeDeadline.Reminder), reminded));
    }

    [Fact]
    public void GivenEveryOrganizationAnswered_WhenTheReminderComes_ThenNothing()
    {
        var state = Given(StartBoth(), Waive("analysts"), Request("clerks"));

        Assert.Empty(D.Decide(Due(state, NoticeDeadline.Reminder), state));
    }

    [Fact]
    public void GivenATimerSetForAnotherInstant_WhenItArrives_ThenItDecidesNothing()
    {
        var state = Given(StartBoth());

        Assert.Empty(D.Decide(new Deadline(NoticeDeadline.WindowCloses, null, WindowClosesAt.AddDays(-1), WindowClosesAt), state));
        Assert.Empty(D.Decide(new Deadline(NoticeDeadline.Reminder, null, ReminderAt.AddHours(1), ReminderAt.AddHours(1)), state));
        Assert.Empty(D.Decide(new Deadline(NoticeDeadline.EarliestGoLive, null, EarliestGoLiveAt.AddDays(-3), EarliestGoLiveAt), state));
        Assert.Empty(D.Decide(Due(state, NoticeDeadline.WindowCloses), D.Initial));
    }

    [Fact]
    public void GivenGoLiveCleared_WhenTheLeadTimeTimerArrivesAgain_ThenNothing()
    {
        var state = Given(StartClerks(), Waive("clerks"));
        state = When(state, Due(state, NoticeDeadline.EarliestGoLive)).State;

        Assert.Empty(D.Decide(Due(state, NoticeDeadline.EarliestGoLive), state));
        Assert.Empty(D.Decide(Due(state, NoticeDeadline.WindowCloses), state));
    }

    [Fact]
    public void GivenAnOpenCase_WhenItsLimitPasses_ThenFlaggedOnce_AndAConcludedCaseIsNeverFlagged()
    {
        var open = Given(StartClerks(), Request("clerks"));

        var (events, flagged) = When(open, Due(open, NoticeDeadline.CaseLimit, "clerks"));
        Assert.Equal("clerks", Single<MeetAndConferOverdue>(events).OrganizationId);
        Assert.True(Org(flagged, "clerks").Case!.Overdue);
        Assert.Empty(D.Decide(Due(open, NoticeDeadline.CaseLimit, "clerks"), flagged));

        var concluded = Given(StartClerks(), Request("clerks"), Agree("clerks", Now.AddDays(20)));
        Assert.Empty(D.Decide(Due(open, NoticeDeadline.CaseLimit, "clerks"), concluded));
        Assert.Empty(D.Decide(new Deadline(NoticeDeadline.CaseLimit, "analysts", Org(open, "clerks").Case!.DueBy, Now), open));
    }
}

using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.ToolApprovals.ToolApprovalSpec;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

public partial class ToolApprovalTests
{
    private static ReviewTask Task(ToolApproval state, string id) => state.CaseOrNull!.Task(id)!;

    private static ReviewDeadline Due(ToolApproval state, string taskId, DeadlineKind kind)
    {
        var t = Task(state, taskId);
        var due = kind == DeadlineKind.Reminder ? t.RemindAt : t.EscalateAt;
        return new ReviewDeadline(taskId, kind, due, due);
    }

    [Fact]
    public void GivenAnOpenReview_WhenTheReminderIsDue_ThenTheReviewerIsReminded()
    {
        var state = Given(SubmitLow());

        var (events, after) = When(state, Due(state, "ai_officer-1", DeadlineKind.Reminder));

        Assert.Equal("ai_officer@city.example", Single<ReviewReminded>(events).ReviewerEmail);
        Assert.True(Task(after, "ai_officer-1").Reminded);
    }

    [Fact]
    public void GivenAnOpenReview_WhenTheEscalationIsDue_ThenItEscalatesToTheEscalationRoleNamingWhatIsOverdue()
    {
        var state = Given(SubmitLow());

        var (events, _) = When(state, Due(state, "ai_officer-1", DeadlineKind.Escalation));

        var escalated = Single<ReviewEscalated>(events);
        Assert.Equal(("ai_officer", "cio", "cio@city.example"), (escalated.Role, escalated.EscalatedToRole, escalated.EscalatedToEmail));
        Assert.Equal(Task(state, "ai_officer-1").EscalateAt, escalated.OverdueSince);
    }

    [Fact]
    public void GivenAReminderAlreadySent_WhenTheSameTimerFiresAgain_ThenNothing()
    {
        var state = Given(SubmitLow());
        var timer = Due(state, "ai_officer-1", DeadlineKind.Reminder);

        var (_, reminded) = When(state, timer);

        Assert.Empty(D.Decide(timer, reminded));
    }

    [Fact]
    public void GivenADecidedReview_WhenItsTimerFires_ThenTheStaleTimerDecidesNothing()
    {
        var open = Given(SubmitHigh());
        var timer = Due(open, "department_director-1", DeadlineKind.Escalation);

        var decided = Given(SubmitHigh(), Review("department_director", Verdict.Approve));

        Assert.Empty(D.Decide(timer, decided));
    }

    [Fact]
    public void GivenRescheduledDeadlines_WhenTheOldTimerFires_ThenNothingAndTheNewOneReminds()
    {
        var state = Given(SubmitHigh(), Review("department_director", Verdict.Approve));
        var oldTimer = Due(state, "city_attorney-1", DeadlineKind.Reminder);
        var resubmitted = Given(SubmitHigh(), Review("department_director", Verdict.Approve),
            Review("ai_officer", Verdict.RequestRemediation), new Resubmit("requester@city.example", "fixed", null, Now.AddDays(10)));

        Assert.Empty(D.Decide(oldTimer, resubmitted));
        Assert.Single(D.Decide(Due(resubmitted, "city_attorney-1", DeadlineKind.Reminder), resubmitted));
    }

    [Fact]
    public void GivenInRemediationOrAnOutcome_WhenAnyTimerFires_ThenNothing()
    {
        var open = Given(SubmitLow());
        var timer = Due(open, "ai_officer-1", DeadlineKind.Reminder);

        foreach (var state in new[] { LowInRemediation(), LowRejected(), LowWithdrawn(), D.Initial })
            Assert.Empty(D.Decide(timer, state));
    }

    // The store believes "nothing to do" on a cached final state without reading it: no command may change one.
    [Fact]
    public void GivenAnOutcome_ThenItIsFinal_AndNoCommandChangesIt()
    {
        var open = Given(SubmitHigh());
        var approved = HighAllApproved();
        var commands = new ToolApprovalCommand[]
        {
            SubmitHigh(), Review("city_attorney", Verdict.Reject), Review("ai_officer", Verdict.Approve),
            new Resubmit("requester@city.example", "again", null, Now), new Withdraw("requester@city.example", "no", Now),
            new UnionCleared(UnionGate.NoticeId("req-1"), Now), Due(HighThroughDirector(), "ai_officer-1", DeadlineKind.Reminder),
            Due(open, "department_director-1", DeadlineKind.Escalation),
        };

        Assert.IsType<ToolApproval.Approved>(approved);
        foreach (var state in new[] { approved, LowRejected(), LowWithdrawn() })
        {
            Assert.True(D.IsFinal(state));
            Assert.All(commands, c => Assert.Empty(D.Decide(c, state)));
        }
        Assert.All(new[] { open, LowInRemediation(), D.Initial }, s => Assert.False(D.IsFinal(s)));
    }
}

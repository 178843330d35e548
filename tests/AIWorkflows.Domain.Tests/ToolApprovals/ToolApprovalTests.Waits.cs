using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.ToolApprovals.ToolApprovalSpec;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

// The deadlines a request waits on: what an orchestration sets its one durable timer from.
public partial class ToolApprovalTests
{
    [Fact]
    public void GivenAnOpenReview_ThenItWaitsOnItsReminder()
    {
        var state = Given(SubmitLow());

        var deadline = Assert.Single(D.Deadlines(state));

        Assert.Equal(Due(state, "ai_officer-1", DeadlineKind.Reminder), deadline.Command);
        Assert.Equal(Task(state, "ai_officer-1").RemindAt, deadline.DueAt);
    }

    [Fact]
    public void GivenARemindedReview_ThenItWaitsOnItsEscalation_AndOnceEscalatedOnNothing()
    {
        var state = Given(SubmitLow());
        var (_, reminded) = When(state, Due(state, "ai_officer-1", DeadlineKind.Reminder));

        var deadline = Assert.Single(D.Deadlines(reminded));
        var (_, escalated) = When(reminded, (ReviewDeadline)deadline.Command);

        Assert.Equal(Due(state, "ai_officer-1", DeadlineKind.Escalation), deadline.Command);
        Assert.Empty(D.Deadlines(escalated));
    }

    [Fact]
    public void GivenEveryDeadlineOfARequest_WhenEachIsDecidedWhenDue_ThenEachChangesTheState()
    {
        var state = Given(SubmitHigh());

        foreach (var deadline in D.Deadlines(state))
            Assert.NotEmpty(D.Decide(deadline.Command, state));
    }

    [Fact]
    public void GivenARequestInRemediationOrDecided_ThenItWaitsOnNoDeadline()
    {
        Assert.Empty(D.Deadlines(LowInRemediation()));
        Assert.Empty(D.Deadlines(LowRejected()));
        Assert.Empty(D.Deadlines(HighAllApproved()));
    }
}

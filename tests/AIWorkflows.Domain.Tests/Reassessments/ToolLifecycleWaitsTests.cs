using AIWorkflows.Domain.Reassessments;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;
using static AIWorkflows.Domain.Tests.Reassessments.ToolLifecycleSpec;

namespace AIWorkflows.Domain.Tests.Reassessments;

/// <summary>What a tool's state waits on: the one clock of its cycle that a host keeps (Albuquerque 4.3).</summary>
public class ToolLifecycleWaitsTests
{
    private static Deadline Single(ToolLifecycle state) => Assert.IsType<Deadline>(Assert.Single(D.Deadlines(state)).Command);

    [Fact]
    public void GivenARegisteredTool_ThenItWaitsOnTheReminderThatOpensItsFirstReview()
    {
        var state = Given(Registered());

        var due = Assert.Single(D.Deadlines(state));

        Assert.Equal(InService(state).Schedule.OpenAt, due.DueAt);
        Assert.Equal(Due(state, LifecycleDeadline.Open), due.Command);
    }

    [Fact]
    public void GivenAnOpenReview_ThenItWaitsOnTheEscalation_AndOnceEscalatedOnTheSuspension()
    {
        var open = Opened();
        Assert.Equal(Due(open, LifecycleDeadline.Escalate), Single(open));

        var (_, escalated) = When(open, Due(open, LifecycleDeadline.Escalate));

        Assert.Equal(Due(escalated, LifecycleDeadline.Suspend), Single(escalated));
    }

    [Fact]
    public void GivenEachDeadlineDecidedWhenDue_ThenTheNextOneIsWaitedOn_UntilTheOverdueToolIsSuspended()
    {
        var state = Given(Registered());
        var kinds = new List<LifecycleDeadline>();
        while (D.Deadlines(state) is [var next])
        {
            var command = Assert.IsType<Deadline>(next.Command);
            kinds.Add(command.Kind);
            var (events, after) = When(state, command);
            Assert.NotEmpty(events);
            state = after;
        }

        Assert.Equal([LifecycleDeadline.Open, LifecycleDeadline.Escalate, LifecycleDeadline.Suspend], kinds);
        Assert.Equal("suspended", state.Status);
    }

    [Fact]
    public void GivenACompletedReview_ThenTheNextCycleIsWaitedOn_AndARetiredToolWaitsOnNothing()
    {
        var open = Opened();
        var (_, attested) = When(open, AttestBy(open));
        var (_, completed) = When(attested, Complete(attested));
        Assert.Equal(LifecycleDeadline.Open, Single(completed).Kind);
        Assert.Equal(InService(open).Schedule.Cycle + 1, Single(completed).Cycle);

        var (_, retired) = When(completed, new Retire("aio@city.example", "Replaced", Now.AddDays(30)));

        Assert.Empty(D.Deadlines(retired));
        Assert.Empty(D.Deadlines(D.Initial));
    }

    [Fact]
    public void GivenASevereIncident_ThenTheSuspendedToolWaitsOnItsOutOfCycleReviewsEscalationOnly()
    {
        var state = Given(Registered());
        var (_, after) = When(state, new ReportIncident("inc-1", "clerk@city.example", null, "critical", "Leaked a name", SignedIn: true, Now.AddDays(10)));
        Assert.Equal("suspended", after.Status);
        Assert.Equal(LifecycleDeadline.Escalate, Single(after).Kind);

        var (_, escalated) = When(after, Due(after, LifecycleDeadline.Escalate));

        Assert.Empty(D.Deadlines(escalated));
    }
}

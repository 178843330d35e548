using AIWorkflows.Domain.Reassessments;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;
using static AIWorkflows.Domain.Tests.Reassessments.ToolLifecycleSpec;

namespace AIWorkflows.Domain.Tests.Reassessments;

public class ToolLifecycleTests
{
    [Theory]
    [InlineData("high", 3)]
    [InlineData("medium", 6)]
    [InlineData("low", 12)]
    public void GivenNothing_WhenRegistered_ThenTheFirstReviewFollowsTheTiersCadence(string tier, int months)
    {
        var (events, state) = When(D.Initial, Registered(tier));

        var schedule = Assert.Single(events.OfType<ReassessmentScheduled>()).Schedule;
        Assert.Equal(Now.AddMonths(months), schedule.DueAt);
        Assert.Equal(Now.AddMonths(months).AddDays(-14), schedule.OpenAt);
        Assert.Equal(("approved", 1), (state.Status, schedule.Cycle));
    }

    [Fact]
    public void GivenAnImportedTool_WhenRegisteredWithADueDate_ThenItIsReviewedThen()
    {
        var (events, _) = When(D.Initial, new Register(Profile() with { Origin = "import" }, Now.AddDays(30), Now));

        Assert.Equal(Now.AddDays(30), Assert.Single(events.OfType<ReassessmentScheduled>()).Schedule.DueAt);
    }

    [Fact]
    public void GivenInService_WhenTheReminderTimeComes_ThenTheOwnersAttestationOpens()
    {
        var state = Given(Registered());

        var (events, after) = When(state, Due(state, LifecycleDeadline.Open));

        var opened = Assert.IsType<ReassessmentOpened>(Assert.Single(events));
        Assert.Equal((Owner, "attest-1"), (opened.OwnerEmail, opened.OwnerTaskId));
        Assert.NotNull(InService(after).Open);
    }

    [Fact]
    public void GivenOpened_WhenTheOwnerAttestsAndTheOfficerCompletesOnTime_ThenTheNextCycleIsScheduled()
    {
        var attested = When(Opened(), AttestBy(Opened())).State;
        Assert.Equal("review-1", InService(attested).Open!.OfficerTaskId);

        var complete = Complete(attested);
        var (events, after) = When(attested, complete);

        Assert.IsType<ReassessmentCompleted>(events[0]);
        var next = Assert.Single(events.OfType<ReassessmentScheduled>()).Schedule;
        Assert.Equal((2, complete.Now.AddMonths(3)), (next.Cycle, next.DueAt));
        Assert.Null(InService(after).Open);
        Assert.Equal(complete.Now, InService(after).LastReviewedAt);
    }

    [Fact]
    public void GivenOpened_WhenSomeoneOtherThanTheOwnerAttests_ThenNothing()
    {
        Assert.Empty(D.Decide(AttestBy(Opened(), "someone@city.example"), Opened()));
    }

    [Fact]
    public void GivenNotYetAttested_WhenTheOfficerTriesToComplete_ThenNothing()
    {
        var s = Opened();
        Assert.Empty(D.Decide(new CompleteReassessment("review-1", "aio@city.example", ReassessmentOutcome.Continue, null, "x", Now), s));
    }

    [Fact]
    public void GivenOverdue_WhenTheEscalationAndThenTheSuspensionFall_ThenEscalatedThenSuspended()
    {
        var opened = Opened();

        var (escalated, afterEscalation) = When(opened, Due(opened, LifecycleDeadline.Escalate));
        var (suspended, afterSuspension) = When(afterEscalation, Due(afterEscalation, LifecycleDeadline.Suspend));

        Assert.IsType<ReassessmentEscalated>(Assert.Single(escalated));
        Assert.Equal("overdue", Assert.IsType<ToolSuspended>(Assert.Single(suspended)).Reason);
        Assert.Equal("suspended", afterSuspension.Status);
    }

    [Fact]
    public void GivenSuspendedForBeingOverdue_WhenTheReviewIsCompleted_ThenReinstated()
    {
        var s = Opened();
        s = When(s, Due(s, LifecycleDeadline.Suspend)).State;
        s = When(s, AttestBy(s)).State;

        var (events, after) = When(s, Complete(s));

        Assert.Contains(events, e => e is ToolReinstated);
        Assert.Equal("approved", after.Status);
    }

    [Fact]
    public void GivenASevereIncidentFromASignedInReporter_ThenTheToolIsSuspendedAtOnceAndAnOutOfCycleReviewOpens()
    {
        var state = Given(Registered());

        var (events, after) = When(state, new ReportIncident("inc-1", "clerk@city.example", null, "critical", "Leaked a name", SignedIn: true, Now.AddDays(10)));

        Assert.True(Assert.IsType<IncidentReported>(events[0]).Severe);
        Assert.Equal("incident", events.OfType<ToolSuspended>().Single().Reason);
        var opened = events.OfType<ReassessmentOpened>().Single();
        Assert.Equal((2, Now.AddDays(24)), (opened.Cycle, opened.DueAt));
        Assert.Equal("suspended", after.Status);
    }

    [Fact]
    public void GivenAMinorIncidentFromASignedInReporter_ThenTheNextReviewIsBroughtForward()
    {
        var state = Given(Registered("low"));

        var (events, after) = When(state, new ReportIncident("inc-2", "clerk@city.example", null, "low", "Typos", SignedIn: true, Now.AddDays(10)));

        Assert.Equal(Now.AddDays(40), events.OfType<ReassessmentScheduled>().Single().Schedule.DueAt);
        Assert.Equal("approved", after.Status);
    }

    [Fact]
    public void GivenAReviewThatChangesTheTier_ThenTheNextReviewFollowsTheNewTiersCadence()
    {
        var s = Opened();
        s = When(s, AttestBy(s)).State;
        var complete = Complete(s, tier: "low");

        var (events, after) = When(s, complete);

        Assert.Equal(("high", "low"), events.OfType<TierChanged>().Select(t => (t.From, t.To)).Single());
        Assert.Equal(complete.Now.AddMonths(12), InService(after).Schedule.DueAt);
        Assert.Empty(D.Decide(Complete(s, tier: "unknown"), s));
    }

    [Fact]
    public void GivenAnOpenReview_WhenTheOfficerRetiresTheTool_ThenRetired()
    {
        var s = Opened();
        s = When(s, AttestBy(s)).State;

        var (_, after) = When(s, Complete(s, ReassessmentOutcome.Retire));

        Assert.Equal("retired", after.Status);
    }

    [Fact]
    public void StaleTimers_DecideNothing()
    {
        var registered = Given(Registered());
        var openTimer = Due(registered, LifecycleDeadline.Open);
        var opened = When(registered, openTimer).State;

        Assert.Empty(D.Decide(openTimer, opened));                                  // fired twice
        Assert.Empty(D.Decide(openTimer with { DueAt = openTimer.DueAt.AddHours(1) }, registered)); // another schedule's
        var s = When(opened, AttestBy(opened)).State;
        var escalate = Due(s, LifecycleDeadline.Escalate);
        var done = When(s, Complete(s)).State;
        Assert.Empty(D.Decide(escalate, done));                                     // the cycle moved on
        Assert.Empty(D.Decide(Due(done, LifecycleDeadline.Suspend), Given(Registered(), new Retire("admin@city.example", "x", Now))));
    }
}

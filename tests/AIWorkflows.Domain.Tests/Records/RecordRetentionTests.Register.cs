using AIWorkflows.Domain.Records;
using static AIWorkflows.Domain.Records.RecordCommand;
using static AIWorkflows.Domain.Records.RecordEvent;
using static AIWorkflows.Domain.Tests.Records.RecordRetentionSpec;

namespace AIWorkflows.Domain.Tests.Records;

public partial class RecordRetentionTests
{
    [Fact]
    public void GivenNothing_WhenARecordOfACreatedClassIsRegistered_ThenItsRetentionRunsFromCreation()
    {
        var (events, state) = When(D.Initial, Register("incident"));

        var registered = Single<RecordRegistered>(events);
        Assert.Equal((Now, Now.AddYears(5)), (registered.Clock.StartedAt, registered.Clock.EndsAt));
        Assert.Equal("AI incident report: 5 years from created (Test VII.B)", registered.Clock.Authority);
        Assert.Equal("kept", state.Status);
    }

    [Fact]
    public void GivenNothing_WhenARecordThatWaitsForRetirementIsRegistered_ThenItsClockHasNotStarted()
    {
        var (events, state) = When(D.Initial, Register("decision_record"));

        Assert.Null(Single<RecordRegistered>(events).Clock.EndsAt);
        Assert.Empty(D.Decide(DueTimerAt(Now.AddYears(10)), state));
    }

    [Fact]
    public void GivenARecordWaitingForRetirement_WhenTheToolIsRetired_ThenRetentionRunsFromTheRetirement()
    {
        var state = Given(Register("decision_record"));
        var retired = Now.AddYears(3);

        var (events, after) = When(state, new StartRetention(RetentionTriggers.ToolRetired, retired, retired));

        Assert.Equal(retired.AddYears(10), Single<RetentionStarted>(events).EndsAt);
        Assert.Equal(retired.AddYears(10), after.ClockOrNull!.EndsAt);
    }

    [Fact]
    public void GivenARecordWaitingForRetirement_WhenAnotherEventHappens_ThenNothing()
    {
        var state = Given(Register("decision_record"));

        Assert.Empty(D.Decide(new StartRetention(RetentionTriggers.Superseded, Now, Now), state));
    }

    [Fact]
    public void GivenARecordWhoseClockRuns_WhenItsToolIsRetiredAgain_ThenTheClockIsNotRestarted()
    {
        var state = Given(Register("decision_record"), new StartRetention(RetentionTriggers.ToolRetired, Now, Now));

        Assert.Empty(D.Decide(new StartRetention(RetentionTriggers.ToolRetired, Now.AddYears(1), Now.AddYears(1)), state));
        Assert.Empty(D.Decide(new StartRetention(RetentionTriggers.Created, Now, Now), Given(Register("incident"))));
    }

    [Fact]
    public void GivenAReassessment_WhenANewerOneSupersedesIt_ThenItsRetentionStarts()
    {
        var state = Given(Register("reassessment"));

        var (events, _) = When(state, new StartRetention(RetentionTriggers.Superseded, Now.AddMonths(3), Now.AddMonths(3)));

        Assert.Equal(Now.AddMonths(3).AddYears(3), Single<RetentionStarted>(events).EndsAt);
    }

    [Fact]
    public void GivenALateRecordOfARetiredHeldTool_WhenTheToolsHoldAndRetirementReachIt_ThenItIsHeldAndItsClockRunsFromTheRetirement()
    {
        var retired = Now.AddDays(-30);
        var state = Given(Register("decision_record"), new StartRetention(RetentionTriggers.ToolRetired, retired, Now));

        var (events, after) = When(state, new PlaceHold("hold-t", "Public records request 26-104", "records@city.example", HoldScopes.Tool, Now));

        Assert.Equal(HoldScopes.Tool, Single<HoldPlaced>(events).Hold.Scope);
        Assert.Equal(retired.AddYears(10), after.ClockOrNull!.EndsAt);
        Assert.Equal("on_hold", after.Status);
    }

    [Fact]
    public void GivenAPermanentRecord_WhenRegistered_ThenItHasNoEndAndCannotBeDisposedOfOrExtended()
    {
        var state = Given(Register("disposition_certificate"));

        Assert.Null(state.ClockOrNull!.EndsAt);
        Assert.Contains("permanent", RecordRetentionDecider.Refusal(new Dispose("r@city.example", "x", Now), state), StringComparison.Ordinal);
        Assert.Contains("permanent", RecordRetentionDecider.Refusal(new Extend("r@city.example", "x", Now.AddYears(1), Now), state), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenARegisteredRecord_WhenRegisteredAgain_ThenNothing()
    {
        Assert.Empty(D.Decide(Register(), Given(Register())));
    }

    private static RetentionDue DueTimerAt(DateTimeOffset at) => new(at, at);
}

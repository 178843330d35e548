using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.ToolApprovals.ToolApprovalSpec;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

public partial class ToolApprovalTests
{
    [Fact]
    public void GivenNothing_WhenLowRiskSubmitted_ThenInReviewWithTheAiOfficer()
    {
        var (events, state) = When(D.Initial, SubmitLow());

        var submitted = Single<Submitted>(events);
        Assert.Equal("low", submitted.Tier);
        var opened = Single<ReviewOpened>(events);
        Assert.Equal(("ai_officer-1", "ai_officer@city.example"), (opened.TaskId, opened.ReviewerEmail));
        Assert.Equal("in_review", state.Status);
    }

    [Fact]
    public void GivenNothing_WhenPersonalDataSubmitted_ThenHighTierAndTheDepartmentsDirectorIsEngagedFirst()
    {
        var (events, state) = When(D.Initial, SubmitHigh());

        Assert.Equal("high", Single<Submitted>(events).Tier);
        Assert.Equal("pii", Assert.Single(Single<Submitted>(events).TierReasons).RuleId);
        var opened = Single<ReviewOpened>(events);
        Assert.Equal(("department_director", "director.utilities@city.example", 1), (opened.Role, opened.ReviewerEmail, opened.Stage));
        Assert.Equal(1, ((ToolApproval.InReview)state).Stage);
    }

    [Fact]
    public void GivenNothing_WhenSubmittedBeforeAHolidayWeekend_ThenDeadlinesCountOnlyBusinessDaysInCityTime()
    {
        var (events, _) = When(D.Initial, SubmitLow());

        var opened = Single<ReviewOpened>(events);
        // Wed 25 Nov 10:00; Thu 26 and Fri 27 are holidays, then the weekend: Mon 30, Tue 1, Wed 2 Dec.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(-8)), opened.RemindAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(-8)), opened.EscalateAt);
    }

    [Fact]
    public void GivenNothing_WhenPublicFacingSubmitted_ThenMediumTierAndTheDisclosureDutyIsRecorded()
    {
        var (events, _) = When(D.Initial, SubmitLow(publicFacing: true));

        var submitted = Single<Submitted>(events);
        Assert.Equal("medium", submitted.Tier);
        Assert.Equal("Albuquerque 2.4", Assert.Single(submitted.Disclosures).Source);
        Assert.Equal(["ai_officer", "security_officer"], events.OfType<ReviewOpened>().Select(o => o.Role));
    }

    [Fact]
    public void GivenNothing_WhenAProhibitedUseIsSubmitted_ThenNothingIsDecided()
    {
        var (events, state) = When(D.Initial, SubmitLow() with { Form = TestPack.Form(impersonation: true) });

        Assert.Empty(events);
        Assert.IsType<ToolApproval.None>(state);
    }

    [Fact]
    public void GivenSubmitted_WhenSubmittedAgain_ThenNothingChanges()
    {
        var state = Given(SubmitLow());

        Assert.Empty(D.Decide(SubmitLow(), state));
    }
}

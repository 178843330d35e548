using AIWorkflows.Domain.Reassessments;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;
using static AIWorkflows.Domain.Tests.Reassessments.ToolLifecycleSpec;

namespace AIWorkflows.Domain.Tests.Reassessments;

/// <summary>Albuquerque 2.2: a pilot's production request, once approved, moves the same tool into production.</summary>
public class ToolPromotionTests
{
    private static ToolProfile Pilot => Profile("medium") with { Stage = "pilot" };

    private static Register Production(DateTimeOffset at, string tier = "high") =>
        new(Profile(tier) with { RequestId = "req-2", Conditions = ["Quarterly audit"] }, null, at);

    [Fact]
    public void GivenAPilot_WhenItsProductionRequestIsApproved_ThenTheSameToolIsInProductionWithTheApprovedProfileAndANewCycle()
    {
        var pilot = Given(new Register(Pilot, null, Now));
        var at = Now.AddDays(40);

        var (events, after) = When(pilot, Production(at));

        var promoted = Assert.IsType<PromotedToProduction>(events[0]);
        Assert.Equal("req-1", promoted.PilotRequestId);
        var s = InService(after);
        Assert.Equal(("approved", "high", "req-2", 2), (after.Status, s.Profile.Tier, s.Profile.RequestId, s.Schedule.Cycle));
        Assert.Equal(at.AddMonths(3), s.Schedule.DueAt); // the production tier's cadence, from the approval
        Assert.Equal(at, s.LastReviewedAt);
        Assert.Equal(Now, s.RegisteredAt);
    }

    [Fact]
    public void GivenAPilotWithAnOpenReassessment_WhenPromoted_ThenTheOpenReviewGoesOn()
    {
        var pilot = Given(new Register(Pilot, null, Now));
        var opened = When(pilot, Due(pilot, LifecycleDeadline.Open)).State;

        var (events, after) = When(opened, Production(InService(opened).Schedule.OpenAt.AddDays(1)));

        Assert.Equal([typeof(PromotedToProduction)], events.Select(e => e.GetType()));
        Assert.NotNull(InService(after).Open);
        Assert.Equal(InService(opened).Schedule, InService(after).Schedule);
    }

    [Fact]
    public void GivenASuspendedPilot_WhenPromoted_ThenItStaysSuspendedUntilReinstated()
    {
        var pilot = Given(new Register(Pilot, null, Now));
        var suspended = When(pilot, new ReportIncident("inc-1", "clerk@city.example", null, "critical", "Wrong person named", SignedIn: true, Now.AddDays(3))).State;

        var after = When(suspended, Production(Now.AddDays(10))).State;

        Assert.Equal("suspended", after.Status);
        Assert.Equal("production", InService(after).Profile.Stage);
    }

    [Fact]
    public void OnlyAPilotsOwnProductionApproval_Promotes()
    {
        var production = Given(Registered());
        var pilot = Given(new Register(Pilot, null, Now));

        Assert.Empty(D.Decide(Production(Now.AddDays(1)), production));                                                   // already in production
        Assert.Empty(D.Decide(Production(Now.AddDays(1)) with { Profile = Profile() with { Stage = "pilot", RequestId = "req-2" } }, pilot)); // a second pilot approval
        Assert.Empty(D.Decide(Production(Now.AddDays(1)) with { Profile = Profile() with { ToolId = "tool-2", RequestId = "req-2" } }, pilot)); // another tool
        Assert.Empty(D.Decide(new Register(Pilot with { Stage = "production" }, null, Now.AddDays(1)), pilot));         // the pilot's own request again
        Assert.Empty(D.Decide(Production(Now.AddDays(1), tier: "unknown"), pilot));
        Assert.Empty(D.Decide(Production(Now.AddDays(1)), Given(new Register(Pilot, null, Now), new Retire("aio@city.example", "done", Now))));
    }
}

using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.ToolApprovals.ToolApprovalSpec;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

public partial class ToolApprovalTests
{
    private static Submit SubmitAffecting(string[]? classifications = null, string? emergency = null) =>
        new("req-1", "tool-1", TestPack.Form(affectsWork: true, classifications: classifications, emergency: emergency), Now);

    [Fact]
    public void GivenAToolAffectingWorkingConditions_WhenTheLastReviewerApproves_ThenItWaitsOnNoticeToTheAffectedOrganizations()
    {
        var (events, state) = When(Given(SubmitAffecting(["clerk"])), Review("ai_officer", Verdict.Approve));

        var required = Single<UnionNoticeRequired>(events);
        Assert.Equal(["clerks"], required.Organizations);
        Assert.Equal("union-1", required.NoticeId);
        Assert.DoesNotContain(events, e => e is RequestApproved);
        Assert.Equal("union_notice", state.Status);
    }

    [Fact]
    public void GivenNoClassificationNamed_WhenApproved_ThenEveryRecognizedOrganizationIsNoticed()
    {
        var (events, _) = When(Given(SubmitAffecting()), Review("ai_officer", Verdict.Approve));

        Assert.Equal(["clerks", "analysts"], Single<UnionNoticeRequired>(events).Organizations);
    }

    [Fact]
    public void GivenAwaitingUnion_WhenTheNoticeClears_ThenApproved()
    {
        var waiting = Given(SubmitAffecting(["Analyst"]), Review("ai_officer", Verdict.Approve));

        var (events, state) = When(waiting, new UnionCleared("union-1", Now.AddDays(30)));

        Assert.Equal(Now.AddDays(30), Single<RequestApproved>(events).At);
        Assert.Equal("approved", state.Status);
        Assert.Empty(D.Decide(new UnionCleared("union-other", Now), waiting));
        Assert.Empty(D.Decide(new UnionCleared("union-1", Now), state));
    }

    [Fact]
    public void GivenTheEmergencyPath_WhenApproved_ThenAdoptedAtOnceWithTheJustificationAndNoticeFollows()
    {
        var (events, state) = When(Given(SubmitAffecting(["Clerk"], emergency: "Flood response")), Review("ai_officer", Verdict.Approve));

        Assert.Equal("Flood response", Single<EmergencyAdoption>(events).Justification);
        Assert.Equal("approved", state.Status);
    }

    [Fact]
    public void GivenAwaitingUnion_WhenTheRequesterWithdraws_ThenWithdrawn()
    {
        var waiting = Given(SubmitAffecting(), Review("ai_officer", Verdict.Approve));

        Assert.Equal("withdrawn", When(waiting, new Withdraw("requester@city.example", "Dropped", Now)).State.Status);
    }
}

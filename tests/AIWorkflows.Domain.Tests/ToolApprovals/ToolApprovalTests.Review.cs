using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.ToolApprovals.ToolApprovalSpec;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

public partial class ToolApprovalTests
{
    [Fact]
    public void GivenLowInReview_WhenTheAiOfficerApproves_ThenApproved()
    {
        var (events, state) = When(Given(SubmitLow()), Review("ai_officer", Verdict.Approve));

        Assert.Equal(Verdict.Approve, Single<ReviewRecorded>(events).Verdict);
        Assert.Equal("tool-1", Single<RequestApproved>(events).ToolId);
        Assert.Equal("approved", state.Status);
    }

    [Fact]
    public void GivenHighInReview_WhenTheDirectorApproves_ThenTheSecondStageOpensForEveryOtherRole()
    {
        var (events, state) = When(Given(SubmitHigh()), Review("department_director", Verdict.Approve));

        Assert.Equal(["ai_officer", "security_officer", "city_attorney"], events.OfType<ReviewOpened>().Select(o => o.Role));
        Assert.Equal(2, ((ToolApproval.InReview)state).Stage);
    }

    [Fact]
    public void GivenHighSecondStage_WhenOnlySomeApprove_ThenStillInReview()
    {
        var state = Given(SubmitHigh(), Review("department_director", Verdict.Approve), Review("ai_officer", Verdict.Approve));

        var (events, after) = When(state, Review("security_officer", Verdict.Approve));

        Assert.Single(events);
        Assert.Equal("in_review", after.Status);
    }

    [Fact]
    public void GivenHighSecondStage_WhenTheLastApproverApprovesWithConditions_ThenApprovedCarryingTheConditions()
    {
        var state = Given(SubmitHigh(), Review("department_director", Verdict.Approve), Review("ai_officer", Verdict.Approve),
            Review("security_officer", Verdict.ApproveWithConditions, comments: "MFA for all users"));

        var (events, after) = When(state, Review("city_attorney", Verdict.Approve));

        Assert.Equal(["Information Security Officer: MFA for all users"], Single<RequestApproved>(events).Conditions);
        Assert.Equal(["Information Security Officer: MFA for all users"], ((ToolApproval.Approved)after).Conditions);
    }

    [Fact]
    public void GivenInReview_WhenAnyReviewerRejects_ThenRejectedWithTheReason()
    {
        var state = HighThroughDirector();

        var (events, after) = When(state, Review("city_attorney", Verdict.Reject, comments: "Vendor terms unacceptable"));

        Assert.Equal("city_attorney", Single<RequestRejected>(events).Role);
        Assert.Equal("Vendor terms unacceptable", ((ToolApproval.Rejected)after).Reason);
    }

    [Fact]
    public void GivenInReview_WhenAnotherReviewersEmailUsesTheTask_ThenNothingIsRecordedAndTheRefusalSaysWhy()
    {
        var state = Given(SubmitLow());

        Assert.Empty(D.Decide(Review("ai_officer", Verdict.Approve, email: "intruder@city.example"), state));
        Assert.Equal("This link belongs to another reviewer.", ToolApprovalDecider.Refusal(state, "ai_officer-1", "intruder@city.example"));
    }

    [Fact]
    public void GivenInReview_WhenAnUnknownTaskIsDecided_ThenNothing()
    {
        var state = Given(SubmitLow());

        Assert.Empty(D.Decide(Review("city_attorney", Verdict.Approve), state));
        Assert.NotNull(ToolApprovalDecider.Refusal(state, "city_attorney-1", Email("city_attorney")));
    }

    [Fact]
    public void GivenAReviewAlreadyDecided_WhenTheSameReviewerDecidesAgain_ThenNothingAndTheLinkIsSpent()
    {
        var state = Given(SubmitHigh(), Review("department_director", Verdict.Approve), Review("ai_officer", Verdict.Approve));

        Assert.Empty(D.Decide(Review("ai_officer", Verdict.Reject), state));
        Assert.Contains("spent", ToolApprovalDecider.Refusal(state, "ai_officer-1", Email("ai_officer")), StringComparison.Ordinal);
    }

    public static TheoryData<string> Outcomes => ["approved", "rejected", "withdrawn"];

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void GivenAnOutcome_WhenADecisionArrivesLate_ThenNothingChanges(string outcome)
    {
        var state = outcome switch
        {
            "approved" => HighAllApproved(),
            "rejected" => LowRejected(),
            _ => LowWithdrawn(),
        };

        var late = outcome == "approved" ? Review("city_attorney", Verdict.Reject) : Review("ai_officer", Verdict.Approve);

        Assert.Empty(D.Decide(late, state));
        Assert.NotNull(ToolApprovalDecider.Refusal(state, late.TaskId, late.ReviewerEmail));
    }
}

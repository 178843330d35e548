using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.ToolApprovals.ToolApprovalSpec;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

public partial class ToolApprovalTests
{
    private static Resubmit ResubmitBy(string by = "requester@city.example", ToolRequestForm? form = null) =>
        new(by, "Added a human review step", form, Now.AddDays(7));

    [Fact]
    public void GivenInReview_WhenAReviewerRequestsRemediation_ThenReturnedToTheRequesterWithTheFindings()
    {
        var (events, state) = When(Given(SubmitLow()), Review("ai_officer", Verdict.RequestRemediation, comments: "Document human review"));

        Assert.Equal("Document human review", Single<RemediationRequested>(events).Findings);
        var remediation = Assert.IsType<ToolApproval.InRemediation>(state);
        Assert.Equal("ai_officer", Assert.Single(remediation.Findings).Role);
    }

    [Fact]
    public void GivenInRemediation_WhenTheRequesterResubmits_ThenTheReviewThatAskedReopensWithANewLink()
    {
        var (events, state) = When(LowInRemediation(), ResubmitBy());

        Assert.Equal(2, Single<Resubmitted>(events).Round);
        Assert.Equal("ai_officer-2", Single<ReviewOpened>(events).TaskId);
        Assert.Equal("in_review", state.Status);
        Assert.Contains("replaced", ToolApprovalDecider.Refusal(state, "ai_officer-1", Email("ai_officer")), StringComparison.Ordinal);
        Assert.Null(ToolApprovalDecider.Refusal(state, "ai_officer-2", Email("ai_officer")));
    }

    [Fact]
    public void GivenResubmitted_WhenTheReopenedReviewApproves_ThenApproved()
    {
        var state = Given(SubmitLow(), Review("ai_officer", Verdict.RequestRemediation), ResubmitBy());

        var (_, after) = When(state, Review("ai_officer", Verdict.Approve, round: 2));

        Assert.Equal("approved", after.Status);
    }

    [Fact]
    public void GivenInRemediation_WhenSomeoneElseResubmits_ThenNothing()
    {
        Assert.Empty(D.Decide(ResubmitBy("someone@city.example"), LowInRemediation()));
    }

    [Fact]
    public void GivenInRemediation_WhenTheCorrectedFormRaisesTheTier_ThenTheNewTiersEarlierRolesAreEngagedToo()
    {
        var (events, state) = When(LowInRemediation(), ResubmitBy(form: TestPack.Form(pii: true)));

        Assert.Equal("high", Single<Resubmitted>(events).Tier);
        Assert.Equal(["ai_officer", "department_director"], events.OfType<ReviewOpened>().Select(o => o.Role).Order());

        // The director approves; the rest of stage two opens without reopening the AI officer's live task.
        var (next, _) = When(state, Review("department_director", Verdict.Approve, round: 2, dayOffset: 8));
        Assert.Equal(["city_attorney", "security_officer"], next.OfType<ReviewOpened>().Select(o => o.Role).Order());
    }

    [Fact]
    public void GivenHighWithAPendingReview_WhenResubmitted_ThenThePendingReviewKeepsItsLinkWithNewDeadlines()
    {
        var state = Given(SubmitHigh(), Review("department_director", Verdict.Approve), Review("ai_officer", Verdict.RequestRemediation));

        var (events, after) = When(state, ResubmitBy());

        Assert.Equal(["city_attorney-1", "security_officer-1"], events.OfType<ReviewRescheduled>().Select(r => r.TaskId).Order());
        Assert.Null(ToolApprovalDecider.Refusal(after, "city_attorney-1", Email("city_attorney")));
    }

    [Fact]
    public void GivenInRemediation_WhenAnotherReviewerRejects_ThenRejected()
    {
        var state = Given(SubmitHigh(), Review("department_director", Verdict.Approve), Review("ai_officer", Verdict.RequestRemediation));

        var (_, after) = When(state, Review("city_attorney", Verdict.Reject));

        Assert.Equal("rejected", after.Status);
    }

    [Fact]
    public void GivenInRemediation_WhenAnotherReviewerApproves_ThenRecordedAndStillInRemediation()
    {
        var state = Given(SubmitHigh(), Review("department_director", Verdict.Approve), Review("ai_officer", Verdict.RequestRemediation));

        var (events, after) = When(state, Review("city_attorney", Verdict.Approve));

        Assert.IsType<ReviewRecorded>(Assert.Single(events));
        Assert.Equal("remediation", after.Status);
    }

    [Fact]
    public void GivenInReviewOrRemediation_WhenTheRequesterWithdraws_ThenWithdrawn()
    {
        foreach (var state in new[] { Given(SubmitLow()), LowInRemediation() })
        {
            var (events, after) = When(state, new Withdraw("Requester@City.example", "No budget", Now));
            Assert.IsType<RequestWithdrawn>(Assert.Single(events));
            Assert.Equal("withdrawn", after.Status);
            Assert.Empty(D.Decide(new Withdraw("other@city.example", "x", Now), state));
        }
    }
}

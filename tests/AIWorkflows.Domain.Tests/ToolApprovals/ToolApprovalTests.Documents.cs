using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.ToolApprovals.ToolApprovalSpec;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

/// <summary>Sacramento VI.A.5: technical documentation gathered with the request, while it is open.</summary>
public partial class ToolApprovalTests
{
    private static AttachDocument Attach(string recordId = "tool-x.documentation-0123456789abcdef", string by = "requester@city.example") =>
        new(new AttachedDocument(recordId, "Model card", "model-card.pdf", new string('a', 64), 2048, by), Now.AddDays(1));

    [Fact]
    public void GivenInReview_WhenDocumentationIsAttached_ThenTheRequestCarriesIt_AndTheReviewGoesOn()
    {
        var (events, state) = When(Given(SubmitLow()), Attach());

        Assert.Equal("model-card.pdf", Single<DocumentAttached>(events).Document.FileName);
        var review = Assert.IsType<ToolApproval.InReview>(state);
        Assert.Equal("Model card", Assert.Single(review.Case.DocumentsOrEmpty).Title);
    }

    [Fact]
    public void GivenInRemediation_WhenDocumentationIsAttached_ThenItIsKept_AndTheFindingsStay()
    {
        var (_, state) = When(LowInRemediation(), Attach());

        var remediation = Assert.IsType<ToolApproval.InRemediation>(state);
        Assert.Single(remediation.Case.DocumentsOrEmpty);
        Assert.Single(remediation.Findings);
    }

    [Fact]
    public void TheSameFileSentAgain_IsOneDocument_AndAnotherFileIsASecond()
    {
        var state = Given(SubmitLow(), Attach());

        Assert.Empty(D.Decide(Attach(), state));
        var (_, after) = When(state, Attach("tool-x.documentation-fedcba9876543210"));
        Assert.Equal(2, after.CaseOrNull!.DocumentsOrEmpty.Count);
    }

    [Fact]
    public void AfterTheOutcome_NothingIsAttached()
    {
        var approved = Given(SubmitLow(), Review("ai_officer", Verdict.Approve));
        Assert.Equal("approved", approved.Status);

        Assert.Empty(D.Decide(Attach(), approved));
        Assert.Empty(D.Decide(Attach(), new ToolApproval.None()));
    }
}

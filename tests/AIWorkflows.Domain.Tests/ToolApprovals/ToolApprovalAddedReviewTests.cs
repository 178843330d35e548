using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

/// <summary>
/// Review steps a rubric rule adds (Sacramento VII.E: the CIO approves a publicly available system;
/// VI.A.2: a procurement step) and pack questions a form may not leave blank (issue 17).
/// </summary>
public class ToolApprovalAddedReviewTests
{
    private static readonly DateTimeOffset Now = TestPack.Now;

    private static readonly ReviewStep Cio = new("cio", 3, 3, 5, "ai_officer", "Sacramento VII.E",
        [new ChecklistItem("Approved for the intended use", "Sacramento VII.E")]);

    private static readonly PolicyPack Pack = TestPack.Pack with
    {
        Questions =
        [
            new PackQuestion("public_ai", "Is it a publicly available AI system?", "boolean", [], "Sacramento VII.E", IfBlank: "true"),
            new PackQuestion("interview", "Does it help answer job interview questions?", "boolean", [], "Sacramento VII.C", Required: true),
        ],
        Rubric = TestPack.Pack.Rubric with
        {
            Rules =
            [
                .. TestPack.Pack.Rubric.Rules,
                new RubricRule("public_ai", "medium", [new Condition("answers.public_ai", null, ["true"])], "A public AI system", "Sacramento VII.E", [Cio]),
                new RubricRule("director_again", "low", [new Condition("department", null, ["Utilities"])], "Director", "city default",
                    [new ReviewStep("ai_officer", 3, 3, 5, "cio", "city default")]),
            ],
        },
        ProhibitedUses = [.. TestPack.Pack.ProhibitedUses, new ProhibitedUse("interview", "Interview help", [new Condition("answers.interview", null, ["true"])], "Sacramento VII.C")],
    };

    private static readonly ToolApprovalDecider D = new(Pack, TestPack.Calendar);

    private static ToolRequestForm Form(bool pii = false, string? publicAi = null, string? interview = "false")
    {
        var answers = new Dictionary<string, string>();
        if (publicAi is not null) answers["public_ai"] = publicAi;
        if (interview is not null) answers["interview"] = interview;
        return TestPack.Form(pii: pii) with { Answers = answers };
    }

    private static ToolApproval Given(params ToolApprovalCommand[] commands) =>
        commands.Aggregate(D.Initial, (s, c) => D.Decide(c, s).Aggregate(s, D.Evolve));

    private static (IReadOnlyList<ToolApprovalEvent> Events, ToolApproval State) When(ToolApproval s, ToolApprovalCommand c)
    {
        var events = D.Decide(c, s);
        return (events, events.Aggregate(s, D.Evolve));
    }

    private static RecordReview Approve(string role, int round = 1) =>
        new($"{role}-{round}", ToolApprovalSpec.Email(role), Verdict.Approve, "ok", Now);

    [Fact]
    public void GivenNothing_WhenARequiredQuestionIsLeftBlank_ThenNothingIsDecided()
    {
        var (events, state) = When(D.Initial, new Submit("req-1", "tool-1", Form(interview: null), Now));

        Assert.Empty(events);
        Assert.IsType<ToolApproval.None>(state);
    }

    [Fact]
    public void GivenNothing_WhenABlankCountsAsTheRiskierAnswer_ThenTheTierReasonRecordsTheAssumedAnswerAndTheAddedReview()
    {
        var (events, _) = When(D.Initial, new Submit("req-1", "tool-1", Form(), Now));

        var submitted = Assert.Single(events.OfType<Submitted>());
        Assert.Equal("medium", submitted.Tier);
        var reason = Assert.Single(submitted.TierReasons, r => r.RuleId == "public_ai");
        Assert.Equal("true", Assert.Single(reason.Assumed!).CountedAs);
        Assert.Equal("cio", Assert.Single(reason.Reviews!).Role);
    }

    [Fact]
    public void GivenTheQuestionAnswered_WhenSubmitted_ThenNoReviewIsAddedAndNothingAssumed()
    {
        var (events, _) = When(D.Initial, new Submit("req-1", "tool-1", Form(publicAi: "false"), Now));

        var submitted = Assert.Single(events.OfType<Submitted>());
        Assert.DoesNotContain(submitted.TierReasons, r => r.RuleId == "public_ai" || r.Assumed is not null);
        Assert.Equal(["ai_officer"], events.OfType<ReviewOpened>().Select(o => o.Role));
    }

    [Fact]
    public void GivenAnAddedReviewAtALaterStage_WhenTheTiersReviewersApprove_ThenTheAddedRoleOpensWithItsChecklist_AndApprovalWaitsForIt()
    {
        var state = Given(new Submit("req-1", "tool-1", Form(publicAi: "true"), Now), Approve("ai_officer"));

        var (events, after) = When(state, Approve("security_officer"));

        Assert.Equal(3, Assert.Single(events.OfType<StageOpened>()).Stage);
        var opened = Assert.Single(events.OfType<ReviewOpened>());
        Assert.Equal(("cio", "cio@city.example", "ai_officer"), (opened.Role, opened.ReviewerEmail, opened.EscalateToRole));
        Assert.Equal("Sacramento VII.E", Assert.Single(opened.Checklist!).Source);
        Assert.Equal("Sacramento VII.E", Assert.Single(after.CaseOrNull!.Task("cio-1")!.Checklist!).Source);
        Assert.Equal("in_review", after.Status);

        var (final, approved) = When(after, Approve("cio"));
        Assert.Single(final.OfType<RequestApproved>());
        Assert.Equal("approved", approved.Status);
    }

    [Fact]
    public void GivenARuleAddsARoleTheTierEngagesAlready_WhenSubmitted_ThenThatRoleReviewsOnceAtTheTiersStage()
    {
        var (events, _) = When(D.Initial, new Submit("req-1", "tool-1", Form(publicAi: "false"), Now));

        var aio = Assert.Single(events.OfType<ReviewOpened>());
        Assert.Equal(("ai_officer", 1), (aio.Role, aio.Stage));
        Assert.Equal(["ai_officer"], new ReviewPlan(Pack, TestPack.Calendar).Steps("low",
            Assert.Single(events.OfType<Submitted>()).TierReasons).Select(s => s.Role));
    }

    [Fact]
    public void GivenInRemediation_WhenTheCorrectedFormTriggersAnAddedReview_ThenItOpensAtItsStageLater()
    {
        var state = Given(
            new Submit("req-1", "tool-1", Form(publicAi: "false"), Now),
            new RecordReview("ai_officer-1", "ai_officer@city.example", Verdict.RequestRemediation, "Say which service", Now));

        var (events, after) = When(state, new Resubmit("requester@city.example", "It is a public service", Form(publicAi: "true"), Now));

        Assert.Equal("medium", Assert.Single(events.OfType<Resubmitted>()).Tier);
        Assert.DoesNotContain(events.OfType<ReviewOpened>(), o => o.Role == "cio");
        after = Given(after, Approve("ai_officer", 2), Approve("security_officer", 2));
        Assert.Contains(after.CaseOrNull!.Tasks, t => t.Role == "cio" && t.IsOpen);
    }

    [Fact]
    public void GivenInRemediation_WhenResubmittedLeavingARequiredQuestionBlank_ThenNothingIsDecided()
    {
        var state = Given(
            new Submit("req-1", "tool-1", Form(publicAi: "false"), Now),
            new RecordReview("ai_officer-1", "ai_officer@city.example", Verdict.RequestRemediation, "Fix", Now));

        Assert.Empty(D.Decide(new Resubmit("requester@city.example", "Done", Form(publicAi: "false", interview: null), Now), state));
    }

    [Fact]
    public void GivenSacramento_WhenAPubliclyAvailableSystemIsApprovedByEveryTierReviewer_ThenTheCioDecidesLast_AndTheCaseRecordsWhy()
    {
        var pack = Policy.PolicyFixtures.Shipped("sacramento");
        var decider = new ToolApprovalDecider(pack, Diagrams.ShippedPacks.Calendar(pack));
        var form = Policy.PolicyFixtures.WithQuietAnswers(TestPack.Form() with { Answers = new Dictionary<string, string> { ["publicly_available_system"] = "true" } }, pack);
        var state = decider.Initial;
        void Do(ToolApprovalCommand c) => state = decider.Decide(c, state).Aggregate(state, decider.Evolve);
        void Approve(string role) => Do(new RecordReview($"{role}-1", state.CaseOrNull!.Task($"{role}-1")!.ReviewerEmail, Verdict.Approve, "ok", Now));

        Do(new Submit("req-1", "tool-1", form, Now));
        foreach (var role in new[] { "department_director", "ai_officer", "security_officer", "city_attorney" }) Approve(role);

        Assert.Equal("in_review", state.Status);
        Assert.Equal("cio@cityofsacramento.example", state.CaseOrNull!.Task("cio-1")!.ReviewerEmail);
        Approve("cio");
        Assert.Equal("approved", state.Status);
        Assert.Equal("Sacramento VII.E", Assert.Single(state.CaseOrNull!.TierReasons, r => r.Reviews is not null).Source);
        Assert.Equal(Verdict.Approve, state.CaseOrNull!.Task("cio-1")!.Outcome!.Verdict);
    }

    private static ToolApproval Given(ToolApproval state, params ToolApprovalCommand[] commands) =>
        commands.Aggregate(state, (s, c) => D.Decide(c, s).Aggregate(s, D.Evolve));
}

using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.Tests.Policy.PolicyFixtures;

namespace AIWorkflows.Domain.Tests.Policy;

/// <summary>Issue 17: a blank pack answer either is refused (required) or counts as the pack's declared, riskier answer.</summary>
public class BlankAnswerTests
{
    private static readonly ReassessmentPolicy Yearly = new(12, 14, 7, 30, "city default");

    private static readonly PolicyPack Pack = new(
        "testville", "Testville", "America/Los_Angeles", [],
        [new RoleDefinition("ai_officer", "AI Officer", "aio@testville.example", "city default")],
        [],
        [
            new PackQuestion("public_service", "Is it a public AI service?", "boolean", [], "Testville 1", IfBlank: "true"),
            new PackQuestion("interview", "Does it help answer job interview questions?", "boolean", [], "Testville 2", Required: true),
            new PackQuestion("notes", "Anything else?", "text", [], "city default"),
        ],
        new RiskRubric("low", [
            new RubricRule("public_service", "high", [new Condition("answers.public_service", null, ["true"])], "A public AI service", "Testville 1"),
        ]),
        [new ProhibitedUse("interview", "Helps answer interview questions", [new Condition("answers.interview", null, ["true"])], "Testville 2")],
        [
            new TierPolicy("low", "Low", 1, [], Yearly, "city default"),
            new TierPolicy("high", "High", 3, [], Yearly, "city default"),
        ],
        [], null, [], new AccessPolicy([], null, false, 30, "city default"));

    [Fact]
    public void GivenADeclaredBlankAnswer_WhenTheQuestionIsLeftBlank_ThenTheRuleAppliesAndSaysWhatItAssumed()
    {
        var a = RiskAssessor.Assess(Pack, PlainForm().WithAnswers(("interview", "false")));

        Assert.Equal("high", a.Tier);
        var assumed = Assert.Single(Assert.Single(a.Reasons).Assumed!);
        Assert.Equal(new AssumedAnswer("public_service", "Is it a public AI service?", "true", "Testville 1"), assumed);
        Assert.Equal("Not answered: “Is it a public AI service?” counted as yes.", assumed.Describe());
        Assert.True(a.IsAdmissible);
    }

    [Fact]
    public void GivenADeclaredBlankAnswer_WhenTheQuestionIsAnswered_ThenNothingIsAssumed()
    {
        var a = RiskAssessor.Assess(Pack, PlainForm().WithAnswers(("interview", "false"), ("public_service", "false")));

        Assert.Equal("low", a.Tier);
        Assert.Empty(a.Assumed);
    }

    [Fact]
    public void GivenARequiredQuestion_WhenLeftBlank_ThenItIsUnanswered_AndTheFormIsNotAdmissible()
    {
        var a = RiskAssessor.Assess(Pack, PlainForm().WithAnswers(("interview", "  ")));

        Assert.Equal("interview", Assert.Single(a.Unanswered).Id);
        Assert.False(a.IsAdmissible);
        Assert.False(a.IsProhibited);
    }

    [Fact]
    public void GivenAProhibitionOnABlankWithADeclaredAnswer_WhenLeftBlank_ThenTheRefusalNamesTheAssumedAnswer()
    {
        var pack = Pack with { ProhibitedUses = [new ProhibitedUse("public", "A public service", [new Condition("answers.public_service", null, ["true"])], "Testville 3")] };

        var a = RiskAssessor.Assess(pack, PlainForm().WithAnswers(("interview", "false")));

        Assert.Equal("public", Assert.Single(a.Prohibited).Id);
        Assert.Equal("public_service", Assert.Single(a.AssumedBy(a.Prohibited.SelectMany(p => p.When))).QuestionId);
    }

    [Fact]
    public void GivenAnImportedEntry_WhenAssessedOnTheAnswersGiven_ThenNothingIsAssumedOrRequired()
    {
        var a = RiskAssessor.AssessAnswersGiven(Pack, PlainForm());

        Assert.Equal("low", a.Tier);
        Assert.Empty(a.Assumed);
        Assert.Empty(a.Unanswered);
    }

    [Fact]
    public void GivenEveryQuestionARuleReadsIsCovered_ThenThePackHasNoUncoveredQuestion() =>
        Assert.Empty(BlankAnswers.Uncovered(Pack));

    [Fact]
    public void GivenARuleOnAQuestionThatIsNeitherRequiredNorDeclaresABlank_ThenThatQuestionIsUncovered()
    {
        var pack = Pack with { Questions = [Pack.Questions[0] with { IfBlank = null }, .. Pack.Questions.Skip(1)] };

        var (q, problem) = Assert.Single(BlankAnswers.Uncovered(pack));

        Assert.Equal("public_service", q.Id);
        Assert.Contains("rubric rule 'public_service' reads this question", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenABlankThatCountsAsAnAnswerARuleDoesNotApplyTo_ThenThatQuestionIsUncovered()
    {
        var pack = Pack with { Questions = [Pack.Questions[0] with { IfBlank = "false" }, .. Pack.Questions.Skip(1)] };

        var (q, problem) = Assert.Single(BlankAnswers.Uncovered(pack));

        Assert.Equal("public_service", q.Id);
        Assert.Contains("a blank counts as 'false', but rubric rule 'public_service' applies only to (true)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenADisclosureOnAQuestionThatCanBeBlank_ThenThatQuestionIsUncovered()
    {
        var pack = Pack with { Disclosures = [new DisclosureDuty("notes", "Say more", [new Condition("answers.notes", null, ["yes"])], "Testville 4")] };

        Assert.Equal("notes", Assert.Single(BlankAnswers.Uncovered(pack)).Question.Id);
    }

    [Fact]
    public void GivenARequiredQuestionThatAlsoDeclaresABlank_ThenThatQuestionIsFlagged()
    {
        var pack = Pack with { Questions = [.. Pack.Questions.Take(1), Pack.Questions[1] with { IfBlank = "false" }, .. Pack.Questions.Skip(2)] };

        Assert.Contains("never blank", Assert.Single(BlankAnswers.Uncovered(pack)).Problem, StringComparison.Ordinal);
    }
}

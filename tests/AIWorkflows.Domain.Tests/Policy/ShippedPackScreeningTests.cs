using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.Tests.Policy.PolicyFixtures;

namespace AIWorkflows.Domain.Tests.Policy;

/// <summary>Issue 17's screening rules as the shipped packs (workflows/*.json) state them.</summary>
public class ShippedPackScreeningTests
{
    private static readonly PolicyPack Sacramento = Shipped("sacramento");
    private static readonly PolicyPack Albuquerque = Shipped("albuquerque");
    private static readonly PolicyPack Baltimore = Shipped("baltimore");

    private static RiskAssessment Assess(PolicyPack pack, ToolRequestForm form, params (string Id, string Answer)[] answers) =>
        RiskAssessor.Assess(pack, (form with { Answers = answers.ToDictionary(a => a.Id, a => a.Answer) }).WithQuietAnswers(pack));

    private static RiskAssessment WithBlank(PolicyPack pack, ToolRequestForm form, string blank)
    {
        var answered = form.WithQuietAnswers(pack);
        return RiskAssessor.Assess(pack, answered with { Answers = answered.Answers.Where(a => a.Key != blank).ToDictionary() });
    }

    [Fact]
    public void GivenSacramento_WhenAToolIsMeantToHelpAnswerJobInterviewQuestions_ThenItIsProhibited_CitingVIIC()
    {
        var a = Assess(Sacramento, PlainForm("Human Resources"), ("job_interview_assistance", "true"));

        Assert.Equal(("job_interview_assistance", "Sacramento VII.C"), (Assert.Single(a.Prohibited).Id, a.Prohibited[0].Source));
        Assert.True(Sacramento.Questions.Single(q => q.Id == "job_interview_assistance").Required);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("assistive")]
    [InlineData("automated")]
    public void GivenSacramento_WhenLawEnforcementWouldRationalizeADecisionOrBeItsSoleBasis_ThenItIsProhibitedWhateverTheDecisionImpact(string impact)
    {
        var form = PlainForm("Police") with { LawEnforcement = true, DecisionImpact = impact };

        var a = Assess(Sacramento, form, ("law_enforcement_decision_basis", "true"));

        Assert.Contains(a.Prohibited, p => p.Id == "law_enforcement_rationale" && p.Source == "Sacramento VII.D");
        Assert.True(Sacramento.Questions.Single(q => q.Id == "law_enforcement_decision_basis").Required);
    }

    [Fact]
    public void GivenSacramento_WhenLawEnforcementUseIsNeitherTheSoleBasisNorARationale_ThenItIsHighRiskButAllowed()
    {
        var a = Assess(Sacramento, PlainForm("Police") with { LawEnforcement = true }, ("law_enforcement_decision_basis", "false"));

        Assert.False(a.IsProhibited);
        Assert.Equal("high", a.Tier);
    }

    [Fact]
    public void GivenSacramento_WhenWorkDataGoesIntoAPubliclyAvailableSystem_ThenTheCioReviewsAfterTheAiReview_CitingVIIE()
    {
        var a = Assess(Sacramento, PlainForm(), ("publicly_available_system", "true"));

        Assert.Equal("high", a.Tier);
        var rule = Assert.Single(a.Reasons, r => r.RuleId == "publicly_available_system");
        var cio = Assert.Single(rule.Reviews!);
        Assert.Equal(("cio", "Sacramento VII.E"), (cio.Role, Assert.Single(cio.Checklist!).Source));
        Assert.True(cio.Stage > Sacramento.Tier("high").Reviews.Max(s => s.Stage));
    }

    [Fact]
    public void GivenSacramento_WhenThePubliclyAvailableQuestionIsLeftBlank_ThenItCountsAsYes_AndTheCioStillReviews()
    {
        var a = WithBlank(Sacramento, PlainForm(), "publicly_available_system");

        var rule = Assert.Single(a.Reasons, r => r.RuleId == "publicly_available_system");
        Assert.Equal("Not answered: “Is this a publicly available AI or GenAI service (not a system the City manages) that would receive work-related data?” counted as yes.",
            Assert.Single(rule.Assumed!).Describe());
        Assert.Equal("cio", Assert.Single(rule.Reviews!).Role);
    }

    [Fact]
    public void GivenSacramento_WhenNonPublicDataGoesIntoGenAiAndTheSafeguardsQuestionIsBlank_ThenItIsProhibited_NamingTheBlank()
    {
        var form = (PlainForm() with { GenerativeAi = true }).WithAnswers(("non_public_data", "true"));

        var a = WithBlank(Sacramento, form, "contractual_safeguards");

        var use = Assert.Single(a.Prohibited);
        Assert.Equal("non_public_data_without_safeguards", use.Id);
        Assert.Equal(("contractual_safeguards", "false"), (Assert.Single(a.AssumedBy(use.When)).QuestionId, a.AssumedBy(use.When)[0].CountedAs));
    }

    [Theory]
    [InlineData("new_purchase", true)]
    [InlineData("no_cost_or_trial", true)]
    [InlineData("existing_contract", false)]
    public void GivenSacramento_WhenAToolIsBoughtOrTakenOnFreeTerms_ThenAProcurementStepChecksRouteTermsSecurityAndBias(string path, bool reviewed)
    {
        var a = Assess(Sacramento, PlainForm(), ("procurement_path", path));

        var step = a.Reasons.SelectMany(r => r.Reviews ?? []).SingleOrDefault(s => s.Role == "procurement");
        Assert.Equal(reviewed, step is not null);
        if (step is null) return;
        Assert.Equal("low", a.Tier);
        Assert.True(step.Stage > Sacramento.Tier("low").Reviews.Single(s => s.Role == "ai_officer").Stage, "V.D.1: the AIO is engaged before procuring");
        Assert.Equal(["Sacramento VI.A.2", "Sacramento VI.C", "Sacramento IV.B, VI.A.6", "Sacramento IV.E", "Sacramento VI.A.5"], step.Checklist!.Select(c => c.Source));
    }

    [Fact]
    public void GivenSacramento_TheFormAsksAboutWorkingConditionsInThePolicysWords_VIA7() =>
        Assert.Contains("more than a de minimis impact on employees’ working conditions", Sacramento.Union!.ImpactQuestion, StringComparison.Ordinal);

    [Fact]
    public void GivenAlbuquerque_WhenAProductionToolWasNotTestedBeforeAcquisition_ThenItIsRefused_CitingTheCodeOfEthics()
    {
        var a = Assess(Albuquerque, PlainForm() with { Stage = "production" }, ("tested_before_acquisition", "false"));

        var use = Assert.Single(a.Prohibited);
        Assert.Equal("untested_production", use.Id);
        Assert.StartsWith("Albuquerque Code of Ethics", use.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAlbuquerque_WhenAProductionRequestLeavesTestingBlank_ThenItCountsAsUntested_AndIsRefused()
    {
        var a = WithBlank(Albuquerque, PlainForm() with { Stage = "production" }, "tested_before_acquisition");

        Assert.Equal("untested_production", Assert.Single(a.Prohibited).Id);
        Assert.Equal("false", Assert.Single(a.AssumedBy(a.Prohibited[0].When)).CountedAs);
    }

    [Fact]
    public void GivenAlbuquerque_WhenAnUntestedToolIsPiloted_ThenThePilotIsAllowedAtMediumRisk_AndATestedProductionToolIsToo()
    {
        var pilot = Assess(Albuquerque, PlainForm() with { Stage = "pilot" }, ("tested_before_acquisition", "false"));
        var tested = Assess(Albuquerque, PlainForm() with { Stage = "production" }, ("tested_before_acquisition", "true"));

        Assert.False(pilot.IsProhibited);
        Assert.Equal("medium", pilot.Tier);
        Assert.False(tested.IsProhibited);
        Assert.Equal("low", tested.Tier);
    }

    [Fact]
    public void GivenBaltimore_WhenCityManagedIsLeftBlank_ThenItCountsAsNotCityManaged_HighWithTheSeparationDuty()
    {
        var a = WithBlank(Baltimore, PlainForm() with { GenerativeAi = true }, "city_managed");

        Assert.Equal("high", a.Tier);
        Assert.Equal("false", Assert.Single(Assert.Single(a.Reasons, r => r.RuleId == "not_city_managed").Assumed!).CountedAs);
        Assert.Contains(a.Disclosures, d => d.Id == "separate_personal_work");
    }

    [Fact]
    public void GivenBaltimore_WhenTheUseCaseIsLeftBlank_ThenTheFormIsNotAdmitted()
    {
        var a = WithBlank(Baltimore, PlainForm(), "use_case");

        Assert.Equal("use_case", Assert.Single(a.Unanswered).Id);
        Assert.False(a.IsAdmissible);
    }
}

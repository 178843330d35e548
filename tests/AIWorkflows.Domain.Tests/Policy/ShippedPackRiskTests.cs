using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.Tests.Policy.PolicyFixtures;

namespace AIWorkflows.Domain.Tests.Policy;

/// <summary>The shipped city packs (workflows/*.json) put real requests where their policies say.</summary>
public class ShippedPackRiskTests
{
    private static readonly PolicyPack Sacramento = Shipped("sacramento");
    private static readonly PolicyPack Albuquerque = Shipped("albuquerque");
    private static readonly PolicyPack Baltimore = Shipped("baltimore");

    [Theory]
    [InlineData("sacramento")]
    [InlineData("albuquerque")]
    [InlineData("baltimore")]
    public void PlainPublicDataTool_IsLowRisk_AndNotProhibited(string city)
    {
        var pack = Shipped(city);

        var a = RiskAssessor.Assess(pack, PlainForm().WithQuietAnswers(pack));

        Assert.Equal("low", a.Tier);
        Assert.Empty(a.Reasons);
        Assert.False(a.IsProhibited);
    }

    [Fact]
    public void Baltimore_Impersonation_IsProhibited_CitingTheExecutiveOrder()
    {
        var a = RiskAssessor.Assess(Baltimore, PlainForm() with { Impersonation = true });

        var use = Assert.Single(a.Prohibited);
        Assert.Equal("impersonation", use.Id);
        Assert.Equal("Baltimore EO 2024 (restriction on impersonation)", use.Source);
    }

    [Fact]
    public void Sacramento_Pii_IsHigh_CitingPrivacyPrinciple()
    {
        var a = RiskAssessor.Assess(Sacramento, PlainForm() with { DataCategories = ["pii"] });

        Assert.Equal("high", a.Tier);
        Assert.Contains(a.Reasons, r => r.RuleId == "personal_data" && r.Source == "Sacramento IV.C");
    }

    [Fact]
    public void Sacramento_AiAsSoleBasisOfLawEnforcementDecision_IsProhibited()
    {
        var form = PlainForm("Police") with { LawEnforcement = true, DecisionImpact = "automated" };

        var a = RiskAssessor.Assess(Sacramento, form);

        Assert.Equal("Sacramento VII.D", Assert.Single(a.Prohibited).Source);
        Assert.False(RiskAssessor.Assess(Sacramento, form with { DecisionImpact = "assistive" }).IsProhibited);
    }

    [Fact]
    public void Sacramento_NonPublicDataIntoGenAiWithoutSafeguards_IsProhibited_WithSafeguardsIsHigh()
    {
        var form = PlainForm() with { GenerativeAi = true };

        var without = RiskAssessor.Assess(Sacramento, form.WithAnswers(("non_public_data", "true"), ("contractual_safeguards", "false")));
        var with = RiskAssessor.Assess(Sacramento, form.WithAnswers(("non_public_data", "true"), ("contractual_safeguards", "true")));

        Assert.Equal("Sacramento VI.C", Assert.Single(without.Prohibited).Source);
        Assert.False(with.IsProhibited);
        Assert.Equal("high", with.Tier);
    }

    [Fact]
    public void Sacramento_GenerativeAi_IsMedium_WithHumanInTheLoopDisclosure()
    {
        var a = RiskAssessor.Assess(Sacramento, (PlainForm() with { GenerativeAi = true }).WithQuietAnswers(Sacramento));

        Assert.Equal("medium", a.Tier);
        Assert.Contains(a.Disclosures, d => d.Id == "human_in_the_loop" && d.Source == "Sacramento VI.A.4");
    }

    [Fact]
    public void Albuquerque_PublicFacing_IsMedium_AndMustDiscloseAiIntegration()
    {
        var a = RiskAssessor.Assess(Albuquerque, (PlainForm() with { PublicFacing = true }).WithQuietAnswers(Albuquerque));

        Assert.Equal("medium", a.Tier);
        Assert.Contains(a.Disclosures, d => d.Id == "public_facing_ai" && d.Source == "Albuquerque 2.4");
    }

    [Fact]
    public void Albuquerque_FullyAutomatedDecisionsAboutPeople_AreProhibited_ButAutomationOnPublicDataIsHighRisk()
    {
        var automated = PlainForm() with { DecisionImpact = "automated" };

        var aboutPeople = RiskAssessor.Assess(Albuquerque, automated with { DataCategories = ["pii"] });
        var publicData = RiskAssessor.Assess(Albuquerque, automated);

        Assert.Equal("Albuquerque 2.3, 4.1", Assert.Single(aboutPeople.Prohibited).Source);
        Assert.False(publicData.IsProhibited);
        Assert.Equal("high", publicData.Tier);
    }

    [Fact]
    public void Albuquerque_NewSensitiveDataAnswer_LiftsToHigh()
    {
        var a = RiskAssessor.Assess(Albuquerque, PlainForm().WithAnswers(("new_sensitive_data", "true")).WithQuietAnswers(Albuquerque));

        Assert.Equal("high", a.Tier);
        Assert.Equal("Albuquerque 1.2", Assert.Single(a.Reasons).Source);
    }

    [Fact]
    public void Baltimore_SubstantialGenAiOutputInDecisionDeliverables_MustBeDisclosed()
    {
        var form = (PlainForm() with { GenerativeAi = true }).WithAnswers(("substantial_genai_outputs", "true"), ("city_managed", "true"));

        var a = RiskAssessor.Assess(Baltimore, form);

        Assert.Equal("medium", a.Tier);
        Assert.Equal("genai_in_decision_deliverables", Assert.Single(a.Disclosures).Id);
    }

    [Fact]
    public void Baltimore_HighTier_IsReviewedByTheAdvisoryCommitteeLast()
    {
        var high = Baltimore.Tier("high");

        var committee = Assert.Single(high.Reviews, r => r.Role == "advisory_committee");
        Assert.Equal(high.Reviews.Max(r => r.Stage), committee.Stage);
        Assert.DoesNotContain(Baltimore.Tier("low").Reviews, r => r.Role == "advisory_committee");
    }

    [Fact]
    public void Sacramento_DepartmentDirectorIsEngagedFirst_ThenAioIsoAndCityAttorney()
    {
        var high = Sacramento.Tier("high").Reviews;

        Assert.Equal(["department_director"], high.Where(r => r.Stage == 1).Select(r => r.Role));
        Assert.Equal(["ai_officer", "security_officer", "city_attorney"], high.Where(r => r.Stage == 2).Select(r => r.Role));
        Assert.All(high, r => Assert.Equal((3, 5, "cio"), (r.ReminderAfterBusinessDays, r.EscalateAfterBusinessDays, r.EscalateTo)));
    }
}

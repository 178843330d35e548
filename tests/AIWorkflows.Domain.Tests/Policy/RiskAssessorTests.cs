using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.Tests.Policy.PolicyFixtures;

namespace AIWorkflows.Domain.Tests.Policy;

/// <summary>The rubric mechanics on a small pack built in code.</summary>
public class RiskAssessorTests
{
    private static readonly ReassessmentPolicy Yearly = new(12, 14, 7, 30, "city default");

    private static readonly PolicyPack Pack = new(
        "testville", "Testville", "America/Los_Angeles", [],
        [new RoleDefinition("ai_officer", "AI Officer", "aio@testville.example", "city default")],
        [], [],
        new RiskRubric("low", [
            new RubricRule("public", "medium", [new Condition("publicFacing", true, null)], "Residents use it", "Testville 1"),
            new RubricRule("pii", "high", [new Condition("dataCategories", null, ["pii"])], "Personal data", "Testville 2"),
            new RubricRule("genai", "medium", [new Condition("generativeAi", true, null)], "Generates content", "Testville 3"),
        ]),
        [new ProhibitedUse("impersonation", "Imitates a person", [new Condition("impersonation", true, null)], "Testville 4")],
        [
            new TierPolicy("low", "Low", 1, [], Yearly, "city default"),
            new TierPolicy("high", "High", 3, [], Yearly, "city default"),
            new TierPolicy("medium", "Medium", 2, [], Yearly, "city default"),
        ],
        [new DisclosureDuty("ai_notice", "Say it is AI", [new Condition("publicFacing", true, null)], "Testville 5")],
        null, [], new AccessPolicy([], null, false, 30, "city default"));

    [Fact]
    public void NoRuleMatches_ThenDefaultTier_WithNoReasons()
    {
        var a = RiskAssessor.Assess(Pack, PlainForm());

        Assert.Equal("low", a.Tier);
        Assert.Empty(a.Reasons);
        Assert.Empty(a.Prohibited);
        Assert.Empty(a.Disclosures);
    }

    [Fact]
    public void SeveralRulesMatch_ThenHighestRankedTierWins_AndEveryReasonIsKept_StrongestFirst()
    {
        var form = PlainForm() with { PublicFacing = true, GenerativeAi = true, DataCategories = ["pii"] };

        var a = RiskAssessor.Assess(Pack, form);

        Assert.Equal("high", a.Tier);
        Assert.Equal(["pii", "public", "genai"], a.Reasons.Select(r => r.RuleId));
        Assert.Equal(new AppliedRule("pii", "high", "Personal data", "Testville 2"), a.Reasons[0]);
    }

    [Fact]
    public void TierRankNotPackOrder_DecidesTheWinner()
    {
        var a = RiskAssessor.Assess(Pack, PlainForm() with { PublicFacing = true });

        Assert.Equal("medium", a.Tier);
    }

    [Fact]
    public void ProhibitedUseAndDisclosure_AreReportedWhenTheirConditionsHold()
    {
        var a = RiskAssessor.Assess(Pack, PlainForm() with { Impersonation = true, PublicFacing = true });

        Assert.True(a.IsProhibited);
        Assert.Equal("Testville 4", Assert.Single(a.Prohibited).Source);
        Assert.Equal("ai_notice", Assert.Single(a.Disclosures).Id);
    }

    [Fact]
    public void DefaultTierAboveMatchedRules_IsNotLowered()
    {
        var pack = Pack with { Rubric = Pack.Rubric with { DefaultTier = "medium" } };
        var lowRule = new RubricRule("internal", "low", [new Condition("dataCategories", null, ["public"])], "Public data", "Testville 6");
        pack = pack with { Rubric = pack.Rubric with { Rules = [lowRule] } };

        var a = RiskAssessor.Assess(pack, PlainForm());

        Assert.Equal("medium", a.Tier);
        Assert.Equal("internal", Assert.Single(a.Reasons).RuleId);
    }
}

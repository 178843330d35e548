using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.Tests.Policy.PolicyFixtures;

namespace AIWorkflows.Domain.Tests.Policy;

public class ConditionEvaluatorTests
{
    [Theory]
    [InlineData("publicFacing")]
    [InlineData("generativeAi")]
    [InlineData("affectsWorkingConditions")]
    [InlineData("impersonation")]
    [InlineData("lawEnforcement")]
    public void BooleanField_MatchesIs(string field)
    {
        var no = PlainForm();
        var yes = field switch
        {
            "publicFacing" => no with { PublicFacing = true },
            "generativeAi" => no with { GenerativeAi = true },
            "affectsWorkingConditions" => no with { AffectsWorkingConditions = true },
            "impersonation" => no with { Impersonation = true },
            _ => no with { LawEnforcement = true },
        };

        Assert.True(ConditionEvaluator.Matches(new Condition(field, true, null), yes));
        Assert.False(ConditionEvaluator.Matches(new Condition(field, true, null), no));
        Assert.True(ConditionEvaluator.Matches(new Condition(field, false, null), no));
    }

    [Fact]
    public void DataCategories_MatchWhenAnyCategoryIsListed()
    {
        var form = PlainForm() with { DataCategories = ["internal", "pii"] };

        Assert.True(ConditionEvaluator.Matches(new Condition("dataCategories", null, ["health", "pii"]), form));
        Assert.False(ConditionEvaluator.Matches(new Condition("dataCategories", null, ["health", "hr"]), form));
    }

    [Theory]
    [InlineData("decisionImpact", "automated", true)]
    [InlineData("decisionImpact", "none", false)]
    [InlineData("stage", "pilot", true)]
    [InlineData("stage", "production", false)]
    [InlineData("department", "utilities", true)]
    [InlineData("department", "Police", false)]
    public void ChoiceField_MatchesAnyOf(string field, string listed, bool expected)
    {
        var form = PlainForm("Utilities") with { DecisionImpact = "automated" };

        Assert.Equal(expected, ConditionEvaluator.Matches(new Condition(field, null, [listed]), form));
    }

    [Fact]
    public void Answer_MatchesAnyOfTheAnswerString_AndAMissingAnswerNeverMatches()
    {
        var condition = new Condition("answers.non_public_data", null, ["true"]);

        Assert.True(ConditionEvaluator.Matches(condition, PlainForm().WithAnswers(("non_public_data", "True "))));
        Assert.False(ConditionEvaluator.Matches(condition, PlainForm().WithAnswers(("non_public_data", "false"))));
        Assert.False(ConditionEvaluator.Matches(condition, PlainForm()));
    }

    [Fact]
    public void All_HoldsOnlyWhenEveryConditionHolds_AndAnEmptyListAlwaysHolds()
    {
        var form = PlainForm() with { LawEnforcement = true, DecisionImpact = "assistive" };
        Condition[] soleBasis = [new("lawEnforcement", true, null), new("decisionImpact", null, ["automated"])];

        Assert.False(ConditionEvaluator.All(soleBasis, form));
        Assert.True(ConditionEvaluator.All(soleBasis, form with { DecisionImpact = "automated" }));
        Assert.True(ConditionEvaluator.All([], form));
    }

    [Theory]
    [InlineData("colour", true, null)]
    [InlineData("publicFacing", null, "true")]
    [InlineData("dataCategories", true, null)]
    public void MisconfiguredCondition_Throws(string field, bool? @is, string? anyOf)
    {
        var condition = new Condition(field, @is, anyOf is null ? null : [anyOf]);

        Assert.Throws<ArgumentException>(() => ConditionEvaluator.Matches(condition, PlainForm()));
    }
}

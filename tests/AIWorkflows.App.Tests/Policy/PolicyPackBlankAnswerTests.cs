using AIWorkflows.App.Policy;

namespace AIWorkflows.App.Tests.Policy;

/// <summary>
/// Issue 17 in pack validation: a question a rule reads must be required or count a blank as an answer
/// every rule on it applies to; review steps a rule adds are checked as a tier's are.
/// </summary>
public sealed class PolicyPackBlankAnswerTests : IDisposable
{
    private readonly PackFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void AssertSays(PolicyPackException e, string file, string path, string rule)
    {
        Assert.StartsWith(file + ":", e.Message, StringComparison.Ordinal);
        Assert.Equal(path, e.JsonPath);
        Assert.Contains(rule, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleOnAQuestionThatCanBeLeftBlankWithoutADeclaredAnswer_IsRefused()
    {
        var e = _folder.Break("sacramento", p => p["questions"]![2]!.AsObject().Remove("ifBlank"));

        AssertSays(e, "workflows/sacramento.json", "$.questions[2].required",
            "rubric rule 'publicly_available_system' reads this question, so a blank would skip it: make the question required, or declare in 'ifBlank' the answer a blank counts as");
    }

    [Fact]
    public void ABlankCountedAsAnAnswerThatARuleDoesNotApplyTo_IsRefused()
    {
        var e = _folder.Break("albuquerque", p => p["questions"]![8]!["ifBlank"] = "true");

        AssertSays(e, "workflows/albuquerque.json", "$.questions[8].ifBlank",
            "a blank counts as 'true', but rubric rule 'untested_tool' applies only to (false), so a blank would skip it");
    }

    [Fact]
    public void ABlankCountedAsSomethingTheQuestionCannotAnswer_IsRefused()
    {
        var e = _folder.Break("baltimore", p => p["questions"]![1]!["ifBlank"] = "maybe");

        AssertSays(e, "workflows/baltimore.json", "$.questions[1].ifBlank", "must be one of (true, false), the answers the question takes");
    }

    [Fact]
    public void ARequiredQuestionThatAlsoDeclaresABlank_IsRefused()
    {
        var e = _folder.Break("baltimore", p => p["questions"]![2]!["ifBlank"] = "other");

        AssertSays(e, "workflows/baltimore.json", "$.questions[2].ifBlank", "a required question is never blank: remove 'ifBlank'");
    }

    [Fact]
    public void AReviewARuleAddsForAnUnknownRole_IsRefused()
    {
        var e = _folder.Break("sacramento", p => p["rubric"]!["rules"]![3]!["reviews"]![0]!["role"] = "mayor");

        AssertSays(e, "workflows/sacramento.json", "$.rubric.rules[3].reviews[0].role", "must be one of the pack's roles (ai_officer,");
    }

    [Fact]
    public void AChecklistItemWithoutASource_IsRefusedByTheSchema()
    {
        var e = _folder.Break("sacramento", p => p["rubric"]!["rules"]![3]!["reviews"]![0]!["checklist"]![0]!.AsObject().Remove("source"));

        AssertSays(e, "workflows/sacramento.json", "$.rubric.rules[3].reviews[0].checklist[0].source", "required property 'source' is missing");
    }

    [Fact]
    public void TheShippedPacks_DeclareRequiredQuestionsAndBlankAnswers()
    {
        var sacramento = PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento");

        Assert.Equal(["non_public_data", "job_interview_assistance", "law_enforcement_decision_basis"],
            sacramento.Questions.Where(q => q.Required).Select(q => q.Id));
        Assert.Equal("true", sacramento.Questions.Single(q => q.Id == "publicly_available_system").IfBlank);
    }
}

using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using CsCheck;
using static AIWorkflows.Domain.Tests.Policy.PolicyFixtures;

namespace AIWorkflows.Domain.Tests.Policy;

/// <summary>
/// Issue 17, over each shipped pack's questions: a request that leaves optional questions blank never
/// gets a lower tier, and never skips a prohibition, a disclosure duty or an added review, that some
/// answer to those blanks would have triggered; a request leaving a required question blank is refused.
/// </summary>
public class BlankAnswerProperties
{
    public static TheoryData<string> Packs => ["sacramento", "albuquerque", "baltimore"];

    [Theory]
    [MemberData(nameof(Packs))]
    public void GivenOptionalQuestionsLeftBlank_WhenComparedWithEveryCompletion_ThenNoCompletionIsRatedRiskier(string city)
    {
        var pack = Shipped(city);
        Forms(pack, requiredBlank: false).Sample(form =>
        {
            var blank = RiskAssessor.Assess(pack, form);
            Assert.True(blank.IsAdmissible || blank.IsProhibited, $"a form answering every required question was refused: {Describe(form)}");
            foreach (var completed in Completions(pack, form))
            {
                var answered = RiskAssessor.Assess(pack, completed);
                Assert.True(pack.Tier(blank.Tier).Rank >= pack.Tier(answered.Tier).Rank,
                    $"blank: {blank.Tier}, answered: {answered.Tier} for {Describe(completed)}");
                AssertCovers(blank.Prohibited.Select(p => p.Id), answered.Prohibited.Select(p => p.Id), "prohibition", completed);
                AssertCovers(blank.Disclosures.Select(d => d.Id), answered.Disclosures.Select(d => d.Id), "disclosure", completed);
                AssertCovers(AddedRoles(blank), AddedRoles(answered), "added review", completed);
            }
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void GivenARequiredQuestionLeftBlank_WhenAssessed_ThenTheFormIsNotAdmittedAndTheQuestionIsNamed(string city)
    {
        var pack = Shipped(city);
        Forms(pack, requiredBlank: true).Sample(form =>
        {
            var blanks = pack.Questions.Where(q => q.Required && BlankAnswers.IsBlank(form.Answers, q.Id)).Select(q => q.Id);
            var a = RiskAssessor.Assess(pack, form);
            Assert.Equal(blanks, a.Unanswered.Select(q => q.Id));
            Assert.Equal(!blanks.Any(), a.Unanswered.Count == 0);
        }, iter: 200);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void GivenAShippedPack_ThenEveryQuestionARuleReadsIsRequiredOrCountsABlankAsItsRiskierAnswer(string city) =>
        Assert.Empty(BlankAnswers.Uncovered(Shipped(city)).Select(u => $"{u.Question.Id}: {u.Problem}"));

    private static void AssertCovers(IEnumerable<string> blank, IEnumerable<string> answered, string what, ToolRequestForm completed)
    {
        var skipped = answered.Except(blank).ToList();
        Assert.True(skipped.Count == 0, $"a blank skipped the {what} {string.Join(", ", skipped)} that {Describe(completed)} triggers");
    }

    private static IEnumerable<string> AddedRoles(RiskAssessment a) => a.Reasons.SelectMany(r => r.Reviews ?? []).Select(s => s.Role);

    private static string Describe(ToolRequestForm f) =>
        $"[{string.Join(",", f.DataCategories)}] public={f.PublicFacing} genai={f.GenerativeAi} le={f.LawEnforcement} " +
        $"impact={f.DecisionImpact} stage={f.Stage} answers={{{string.Join(", ", f.Answers.Select(a => $"{a.Key}={a.Value}"))}}}";

    /// <summary>Random intake forms; each question answered with one of its answers or left blank (required ones only when asked).</summary>
    private static Gen<ToolRequestForm> Forms(PolicyPack pack, bool requiredBlank)
    {
        var answers = pack.Questions.Aggregate(Gen.Const(new Dictionary<string, string>()), (gen, q) =>
            from so in gen
            from blank in q.Required && !requiredBlank ? Gen.Const(false) : Gen.Bool
            from answer in Gen.OneOf(Answers(pack, q).ToArray())
            select blank ? so : new Dictionary<string, string>(so) { [q.Id] = answer });
        return
            from categories in Gen.Shuffle(ToolRequestForm.DataCategoryValues.ToArray(), 1, ToolRequestForm.DataCategoryValues.Count)
            from flags in Gen.Bool.Array[5]
            from impact in Gen.OneOf(ToolRequestForm.DecisionImpactValues.ToArray())
            from stage in Gen.OneOf(ToolRequestForm.StageValues.ToArray())
            from department in Gen.OneOf([.. pack.Departments.Select(d => d.Name), "Other"])
            from given in answers
            select PlainForm(department) with
            {
                DataCategories = categories,
                PublicFacing = flags[0],
                GenerativeAi = flags[1],
                AffectsWorkingConditions = flags[2],
                Impersonation = flags[3],
                LawEnforcement = flags[4],
                DecisionImpact = impact,
                Stage = stage,
                Answers = given,
            };
    }

    /// <summary>Every way of answering the form's blank questions.</summary>
    private static IEnumerable<ToolRequestForm> Completions(PolicyPack pack, ToolRequestForm form) =>
        pack.Questions
            .Where(q => BlankAnswers.IsBlank(form.Answers, q.Id))
            .Aggregate<PackQuestion, IEnumerable<Dictionary<string, string>>>(
                [new Dictionary<string, string>(form.Answers)],
                (sofar, q) => sofar.SelectMany(a => Answers(pack, q).Select(v => new Dictionary<string, string>(a) { [q.Id] = v })))
            .Select(a => form with { Answers = a });

    /// <summary>The answers a question takes: its own, plus any text answer a condition names.</summary>
    private static IEnumerable<string> Answers(PolicyPack pack, PackQuestion q) =>
        Candidates(q).Concat(Conditions(pack).Where(c => c.Field == ConditionFields.AnswersPrefix + q.Id).SelectMany(c => c.AnyOf ?? [])).Distinct();
}

using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.Domain.Policy;

/// <summary>A pack question left blank and counted as the answer the pack declares for a blank.</summary>
public sealed record AssumedAnswer(string QuestionId, string Question, string CountedAs, string Source)
{
    /// <summary>What reviewers and the decision record read: "Not answered: “…?” counted as yes."</summary>
    public string Describe() => $"Not answered: “{Question}” counted as {CountedAs switch
    {
        "true" => "yes",
        "false" => "no",
        var other => other.Replace('_', ' '),
    }}.";
}

/// <summary>
/// Pack questions left blank (issue 17). A blank answer matches no condition, so a question a rule
/// reads is either required (a form leaving it blank is refused) or declares the answer a blank counts
/// as, which every condition on the question applies to: then a blank triggers every rule that some
/// answer would, and the assessment says which answers it assumed.
/// </summary>
public static class BlankAnswers
{
    public static bool IsBlank(IReadOnlyDictionary<string, string> answers, string questionId)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return !answers.TryGetValue(questionId, out var answer) || string.IsNullOrWhiteSpace(answer);
    }

    /// <summary>Required questions left blank: the intake refuses the form until they are answered.</summary>
    public static IReadOnlyList<PackQuestion> Missing(PolicyPack pack, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return [.. pack.Questions.Where(q => q.Required && IsBlank(answers, q.Id))];
    }

    /// <summary>The form as the pack's conditions read it: each blank with a declared answer counts as that answer.</summary>
    public static (ToolRequestForm Form, IReadOnlyList<AssumedAnswer> Assumed) Fill(PolicyPack pack, ToolRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(form);
        var assumed = pack.Questions
            .Where(q => q.IfBlank is not null && IsBlank(form.Answers, q.Id))
            .Select(q => new AssumedAnswer(q.Id, q.Text, q.IfBlank!, q.Source))
            .ToList();
        if (assumed.Count == 0) return (form, []);
        var answers = form.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(StringComparer.Ordinal);
        foreach (var a in assumed) answers[a.QuestionId] = a.CountedAs;
        return (form with { Answers = answers }, assumed);
    }

    /// <summary>The assumed answers that some of <paramref name="when"/> read.</summary>
    public static IReadOnlyList<AssumedAnswer> ReadBy(IReadOnlyList<AssumedAnswer> assumed, IEnumerable<Condition> when)
    {
        ArgumentNullException.ThrowIfNull(assumed);
        ArgumentNullException.ThrowIfNull(when);
        var fields = when.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        return [.. assumed.Where(a => fields.Contains(ConditionFields.AnswersPrefix + a.QuestionId))];
    }

    /// <summary>
    /// Why a pack would let a blank skip a rule, one line per question at fault: a question some
    /// condition reads that is neither required nor counts a blank as an answer every such condition
    /// applies to. Empty when every blank is covered.
    /// </summary>
    public static IReadOnlyList<(PackQuestion Question, string Problem)> Uncovered(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var readers = Readers(pack).ToList();
        var problems = new List<(PackQuestion, string)>();
        foreach (var q in pack.Questions)
        {
            var on = readers.Where(r => r.Condition.Field == ConditionFields.AnswersPrefix + q.Id).ToList();
            if (q.Required)
            {
                if (q.IfBlank is not null) problems.Add((q, "a required question is never blank: remove 'ifBlank'"));
                continue;
            }
            if (on.Count == 0) continue;
            if (q.IfBlank is null)
            {
                problems.Add((q, $"{on[0].Rule} reads this question, so a blank would skip it: make the question required, or declare in 'ifBlank' the answer a blank counts as"));
                continue;
            }
            var skipped = on.FirstOrDefault(r => r.Condition.AnyOf?.Contains(q.IfBlank.Trim(), StringComparer.OrdinalIgnoreCase) != true);
            if (skipped.Rule is not null)
                problems.Add((q, $"a blank counts as '{q.IfBlank}', but {skipped.Rule} applies only to ({string.Join(", ", skipped.Condition.AnyOf ?? [])}), so a blank would skip it: count a blank as an answer every rule on the question applies to, or make it required"));
        }
        return problems;
    }

    /// <summary>Every condition of the pack with the rule it belongs to, in words.</summary>
    private static IEnumerable<(string Rule, Condition Condition)> Readers(PolicyPack pack) =>
    [
        .. pack.Rubric.Rules.SelectMany(r => r.When.Select(c => ($"rubric rule '{r.Id}'", c))),
        .. pack.ProhibitedUses.SelectMany(u => u.When.Select(c => ($"prohibited use '{u.Id}'", c))),
        .. pack.Disclosures.SelectMany(d => d.When.Select(c => ($"disclosure '{d.Id}'", c))),
    ];
}

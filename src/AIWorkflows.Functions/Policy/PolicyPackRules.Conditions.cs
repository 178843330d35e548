using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Policy;

internal sealed partial class PolicyPackRules
{
    private const string CityDefault = "city default";

    // Conditions must say something ConditionEvaluator can test: the right operand for the field,
    // and only values the intake form can carry.
    private void Conditions()
    {
        for (var i = 0; i < _pack.Rubric.Rules.Count; i++) When($"$.rubric.rules[{i}].when", _pack.Rubric.Rules[i].When);
        for (var i = 0; i < _pack.ProhibitedUses.Count; i++) When($"$.prohibitedUses[{i}].when", _pack.ProhibitedUses[i].When);
        for (var i = 0; i < _pack.Disclosures.Count; i++) When($"$.disclosures[{i}].when", _pack.Disclosures[i].When);
    }

    private void When(string path, IReadOnlyList<Condition> when)
    {
        for (var k = 0; k < when.Count; k++) Condition($"{path}[{k}]", when[k]);
    }

    private void Condition(string at, Condition c)
    {
        if (ConditionFields.IsBoolean(c.Field))
        {
            if (c.Is is null) Add($"{at}.is", $"required: '{c.Field}' is a true/false field, tested with \"is\"");
            if (c.AnyOf is not null) Add($"{at}.anyOf", $"not allowed: '{c.Field}' is a true/false field, tested with \"is\"");
            return;
        }
        if (c.Is is not null) Add($"{at}.is", $"not allowed: '{c.Field}' is tested with \"anyOf\"");
        if (c.AnyOf is null)
        {
            Add($"{at}.anyOf", $"required property 'anyOf' is missing: '{c.Field}' is tested with \"anyOf\"");
            return;
        }
        if (Allowed(at, c.Field) is not { } allowed) return;
        for (var j = 0; j < c.AnyOf.Count; j++)
            if (!allowed.Contains(c.AnyOf[j], StringComparer.Ordinal))
                Add($"{at}.anyOf[{j}]", $"must be one of ({string.Join(", ", allowed)}), the values '{c.Field}' can take");
    }

    /// <summary>The values a field's answer can take; null when any text is possible or the field itself is wrong.</summary>
    private IReadOnlyList<string>? Allowed(string at, string field)
    {
        if (field == "department") return [.. _pack.Departments.Select(d => d.Name)];
        if (!ConditionFields.IsAnswer(field)) return ConditionFields.AllowedValues(field);
        var id = ConditionFields.QuestionId(field);
        var question = _pack.Questions.FirstOrDefault(q => q.Id == id);
        if (question is null)
        {
            Add($"{at}.field", $"'{id}' must be one of the pack's questions ({string.Join(", ", _pack.Questions.Select(q => q.Id))})");
            return null;
        }
        return question.Kind switch
        {
            "boolean" => ["true", "false"],
            "choice" => question.Options,
            _ => null,
        };
    }

    // The schema checks a source's form; only the pack knows which city it may cite.
    private void Sources()
    {
        var p = _pack;
        for (var i = 0; i < p.Holidays.Count; i++) Source($"$.holidays[{i}]", p.Holidays[i].Source);
        for (var i = 0; i < p.Roles.Count; i++) Source($"$.roles[{i}]", p.Roles[i].Source);
        for (var i = 0; i < p.Questions.Count; i++) Source($"$.questions[{i}]", p.Questions[i].Source);
        for (var i = 0; i < p.Rubric.Rules.Count; i++)
        {
            Source($"$.rubric.rules[{i}]", p.Rubric.Rules[i].Source);
            var reviews = p.Rubric.Rules[i].Reviews ?? [];
            for (var j = 0; j < reviews.Count; j++) StepSources($"$.rubric.rules[{i}].reviews[{j}]", reviews[j]);
        }
        for (var i = 0; i < p.ProhibitedUses.Count; i++) Source($"$.prohibitedUses[{i}]", p.ProhibitedUses[i].Source);
        for (var i = 0; i < p.Tiers.Count; i++)
        {
            Source($"$.tiers[{i}]", p.Tiers[i].Source);
            Source($"$.tiers[{i}].reassessment", p.Tiers[i].Reassessment.Source);
            for (var j = 0; j < p.Tiers[i].Reviews.Count; j++) StepSources($"$.tiers[{i}].reviews[{j}]", p.Tiers[i].Reviews[j]);
        }
        for (var i = 0; i < p.Disclosures.Count; i++) Source($"$.disclosures[{i}]", p.Disclosures[i].Source);
        if (p.Union is { } u)
        {
            Source("$.union", u.Source);
            for (var i = 0; i < u.Organizations.Count; i++) Source($"$.union.organizations[{i}]", u.Organizations[i].Source);
        }
        for (var i = 0; i < p.Retention.Count; i++) Source($"$.retention[{i}]", p.Retention[i].Source);
        Source("$.access", p.Access.Source);
        for (var i = 0; i < p.Access.Courses.Count; i++) Source($"$.access.courses[{i}]", p.Access.Courses[i].Source);
        if (p.Access.Agreement is { } a) Source("$.access.agreement", a.Source);
        if (p.FindingEscalation is { } f) Source("$.findingEscalation", f.Source);
        for (var i = 0; i < (p.IncidentKinds ?? []).Count; i++) Source($"$.incidentKinds[{i}]", p.IncidentKinds![i].Source);
    }

    private void StepSources(string at, ReviewStep step)
    {
        Source(at, step.Source);
        var checklist = step.Checklist ?? [];
        for (var k = 0; k < checklist.Count; k++) Source($"{at}.checklist[{k}]", checklist[k].Source);
    }

    private void Source(string at, string source)
    {
        if (source != CityDefault && !source.StartsWith(_pack.City + " ", StringComparison.Ordinal))
            Add($"{at}.source", $"must cite {_pack.City}'s own policy (\"{_pack.City} ...\") or be \"{CityDefault}\"");
    }
}

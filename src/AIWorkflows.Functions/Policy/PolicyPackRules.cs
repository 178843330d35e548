using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Policy;

/// <summary>
/// What the schema cannot say: references between parts of a pack (review roles, rubric tiers,
/// questions), ids that must be unique, the record classes the workflows file under, a time zone
/// this machine knows, sources that cite the pack's own city, and questions a blank would let skip a rule.
/// </summary>
internal sealed partial class PolicyPackRules
{
    /// <summary>Record classes the workflows file records under; every pack must schedule each one.</summary>
    public static readonly IReadOnlyList<string> RequiredRetentionClasses =
    [
        "submission", "decision_record", "review", "reassessment", "incident", "union_notice", "meeting_minutes",
        "feedback", "access_grant", "training_record", "access_log", "disposition_certificate",
    ];

    public const int MaxReviewsPerTier = 90;

    private readonly PolicyPack _pack;
    private readonly List<PackProblem> _problems = [];

    private PolicyPackRules(PolicyPack pack) => _pack = pack;

    public static IReadOnlyList<PackProblem> Check(PolicyPack pack, string packId)
    {
        var rules = new PolicyPackRules(pack);
        rules.Run(packId);
        return rules._problems;
    }

    private void Add(string path, string rule) => _problems.Add(new PackProblem(path, rule));

    private void Run(string packId)
    {
        var p = _pack;
        if (p.Id != packId) Add("$.id", $"must be '{packId}', the name of the file it is in");
        if (!TimeZoneKnown(p.TimeZone)) Add("$.timeZone", $"'{p.TimeZone}' is not a time zone this system knows (use an IANA id such as America/Los_Angeles)");

        Unique("$.holidays", p.Holidays, h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "date");
        Unique("$.roles", p.Roles, r => r.Id, "id");
        Unique("$.departments", p.Departments, d => d.Name, "name");
        Unique("$.questions", p.Questions, q => q.Id, "id");
        Unique("$.rubric.rules", p.Rubric.Rules, r => r.Id, "id");
        Unique("$.prohibitedUses", p.ProhibitedUses, u => u.Id, "id");
        Unique("$.tiers", p.Tiers, t => t.Id, "id");
        Unique("$.tiers", p.Tiers, t => t.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), "rank");
        Unique("$.disclosures", p.Disclosures, d => d.Id, "id");
        Unique("$.retention", p.Retention, r => r.Id, "id");
        Unique("$.access.courses", p.Access.Courses, c => c.Id, "id");
        Unique("$.incidentKinds", p.IncidentKinds ?? [], k => k.Id, "id");

        Questions();
        Tiers();
        Rubric();
        Conditions();
        Retention();
        Union();
        IncidentKinds();
        FindingEscalation();
        Sources();
    }

    private static bool TimeZoneKnown(string id)
    {
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    private void Unique<T>(string path, IReadOnlyList<T> items, Func<T, string> key, string property)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
            if (!seen.Add(key(items[i])))
                Add($"{path}[{i}].{property}", $"'{key(items[i])}' is used twice; each {property} must be unique");
    }

    private void Questions()
    {
        for (var i = 0; i < _pack.Questions.Count; i++)
        {
            var q = _pack.Questions[i];
            if (q.Kind == "choice" && q.Options.Count < 2)
                Add($"$.questions[{i}].options", "a choice question needs at least two options");
            if (q.Kind != "choice" && q.Options.Count > 0)
                Add($"$.questions[{i}].options", $"must be empty for a {q.Kind} question (boolean questions answer \"true\" or \"false\")");
            IReadOnlyList<string>? answers = q.Kind switch { "boolean" => ["true", "false"], "choice" => q.Options, _ => null };
            if (q.IfBlank is { } blank && answers is not null && !answers.Contains(blank, StringComparer.Ordinal))
                Add($"$.questions[{i}].ifBlank", $"must be one of ({string.Join(", ", answers)}), the answers the question takes");
        }
        // Issue 17: a blank answer matches no condition, so a question a rule reads must be required
        // or count a blank as an answer every rule on it applies to.
        foreach (var (q, problem) in BlankAnswers.Uncovered(_pack))
        {
            var i = _pack.Questions.ToList().FindIndex(x => ReferenceEquals(x, q));
            Add($"$.questions[{i}].{(q.IfBlank is null ? "required" : "ifBlank")}", problem);
        }
    }

    private void Tiers()
    {
        var roles = _pack.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var known = $"must be one of the pack's roles ({string.Join(", ", _pack.Roles.Select(r => r.Id))})";
        // Reviews a rubric rule adds join whichever tier the request lands in.
        var added = _pack.Rubric.Rules.SelectMany(r => r.Reviews ?? []).Select(r => r.Role).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < _pack.Tiers.Count; i++)
        {
            var t = _pack.Tiers[i];
            Unique($"$.tiers[{i}].reviews", t.Reviews, r => r.Role, "role");
            // A submission opens a tier's first stage in one storage transaction (100 operations: the state, two
            // events and one per review opened; the mails and timers may spill). More would fail every submission.
            var count = t.Reviews.Count + added.Count(role => t.Reviews.All(r => r.Role != role));
            if (count > MaxReviewsPerTier)
                Add($"$.tiers[{i}].reviews", $"has {count} reviews, counting those its rubric rules add; a tier may have at most {MaxReviewsPerTier}");
            for (var j = 0; j < t.Reviews.Count; j++) Step($"$.tiers[{i}].reviews[{j}]", t.Reviews[j], roles, known);
            var re = t.Reassessment;
            if (re.SuspendDaysOverdue <= re.EscalateDaysOverdue)
                Add($"$.tiers[{i}].reassessment.suspendDaysOverdue", $"must be later than the escalation ({re.EscalateDaysOverdue} days overdue)");
        }
    }

    private void Step(string at, ReviewStep r, HashSet<string> roles, string known)
    {
        if (!roles.Contains(r.Role)) Add($"{at}.role", known);
        if (!roles.Contains(r.EscalateTo)) Add($"{at}.escalateTo", known);
        else if (r.EscalateTo == r.Role) Add($"{at}.escalateTo", "must be another role than the reviewer's own");
        // Albuquerque 1.2: a review kept as its own record needs a class the retention schedule keeps.
        if (r.RecordClass is { } rc && _pack.Retention.All(c => c.Id != rc))
            Add($"{at}.recordClass", $"must be one of the pack's retention classes ({string.Join(", ", _pack.Retention.Select(c => c.Id))})");
        if (r.EscalateAfterBusinessDays <= r.ReminderAfterBusinessDays)
            Add($"{at}.escalateAfterBusinessDays", $"must be later than the reminder ({r.ReminderAfterBusinessDays} business days)");
    }

    private void Rubric()
    {
        var tiers = _pack.Tiers.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var known = $"must be one of the pack's tiers ({string.Join(", ", _pack.Tiers.Select(t => t.Id))})";
        var roles = _pack.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var knownRole = $"must be one of the pack's roles ({string.Join(", ", _pack.Roles.Select(r => r.Id))})";
        if (!tiers.Contains(_pack.Rubric.DefaultTier)) Add("$.rubric.defaultTier", known);
        for (var i = 0; i < _pack.Rubric.Rules.Count; i++)
        {
            var rule = _pack.Rubric.Rules[i];
            if (!tiers.Contains(rule.Tier)) Add($"$.rubric.rules[{i}].tier", known);
            var reviews = rule.Reviews ?? [];
            Unique($"$.rubric.rules[{i}].reviews", reviews, r => r.Role, "role");
            for (var j = 0; j < reviews.Count; j++) Step($"$.rubric.rules[{i}].reviews[{j}]", reviews[j], roles, knownRole);
        }
    }

    private void Retention()
    {
        var ids = _pack.Retention.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var missing = RequiredRetentionClasses.Where(c => !ids.Contains(c)).ToList();
        if (missing.Count > 0)
            Add("$.retention", $"must schedule every record class the workflows file ({string.Join(", ", RequiredRetentionClasses)}); missing: {string.Join(", ", missing)}");
        for (var i = 0; i < _pack.Retention.Count; i++)
        {
            var r = _pack.Retention[i];
            if (r.Permanent && r.Years is not null) Add($"$.retention[{i}].years", "must be null when the class is permanent");
            if (!r.Permanent && r.Years is null) Add($"$.retention[{i}].years", "required when the class is not permanent");
            if (r.Id == "disposition_certificate" && !r.Permanent) Add($"$.retention[{i}].permanent", "a destruction certificate is kept permanently: must be true");
        }
    }

    // Albuquerque 4.2: an unresolved finding escalates to one of the pack's own roles.
    private void FindingEscalation()
    {
        if (_pack.FindingEscalation is not { } f) return;
        if (_pack.Roles.All(r => r.Id != f.To)) Add("$.findingEscalation.to", $"must be one of the pack's roles ({string.Join(", ", _pack.Roles.Select(r => r.Id))})");
    }

    // Sacramento VI.A.6: the roles an incident kind reaches must be the pack's own, or no one would hear of it.
    private void IncidentKinds()
    {
        var roles = _pack.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var kinds = _pack.IncidentKinds ?? [];
        for (var i = 0; i < kinds.Count; i++)
            for (var j = 0; j < kinds[i].Notify.Count; j++)
                if (!roles.Contains(kinds[i].Notify[j]))
                    Add($"$.incidentKinds[{i}].notify[{j}]", $"must be one of the pack's roles ({string.Join(", ", _pack.Roles.Select(r => r.Id))})");
    }

    private void Union()
    {
        if (_pack.Union is not { } u) return;
        var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Unique("$.union.organizations", u.Organizations, o => o.Id, "id");
        for (var i = 0; i < u.Organizations.Count; i++)
            for (var j = 0; j < u.Organizations[i].Classifications.Count; j++)
                if (!owner.TryAdd(u.Organizations[i].Classifications[j], u.Organizations[i].Id))
                    Add($"$.union.organizations[{i}].classifications[{j}]",
                        $"'{u.Organizations[i].Classifications[j]}' is already represented by '{owner[u.Organizations[i].Classifications[j]]}'; a classification has one organization");
        if (u.ReminderBeforeWindowClosesBusinessDays >= u.RequestWindowBusinessDays)
            Add("$.union.reminderBeforeWindowClosesBusinessDays", $"must be less than the request window ({u.RequestWindowBusinessDays} business days)");
    }
}

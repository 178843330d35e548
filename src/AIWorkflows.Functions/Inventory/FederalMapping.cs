using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// Turns a row of a federal AI use case inventory (OMB M-25-21) into a tool for the city's register
/// (Albuquerque 6.2: the inventory of AI tools in use, in pilot or under development), or says why not.
/// <para>Risk tier: the row is read as an intake form and the pack's own rubric decides, so an
/// imported tool is tiered like one the city approved; the federal high-impact answer then sets a floor:</para>
/// <list type="bullet">
/// <item><c>is_high_impact</c> "High-impact" → the pack's highest tier (high);</item>
/// <item>"Presumed high-impact, but determined not" and an empty answer → at least the middle tier (medium):
///   the presumption or the missing determination is checked at the first re-assessment;</item>
/// <item>"Not high-impact" → the rubric alone.</item>
/// </list>
/// <para>Form read from the row: <c>has_pii</c> Yes → data category pii; <c>topic_area</c> Law Enforcement →
/// law enforcement; <c>classification</c> Generative AI → generative; Agentic AI → automated decisions,
/// otherwise assistive; public-facing is not in the federal schema (no). Stage: Deployed → production;
/// Pilot, Pre-deployment and empty → pilot.</para>
/// <para>Refused: no use case id (the schema requires one, and a re-import could not be matched),
/// duplicate ids, withheld use cases (the register is public), retired ones (nothing to re-assess),
/// uses the city's policy prohibits, and values the dictionary does not allow.</para>
/// </summary>
public sealed class FederalMapping(PolicyPack pack)
{
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase) { "tbd", "tba", "n/a", "na", "none", "-", "?", "unknown" };

    private static readonly string[] PurposeColumns = ["problem_solved", "system_outputs", "benefits"];

    private static readonly (string Column, string Label)[] OversightColumns =
    [
        ("hi_ongoing_monitoring", "Ongoing monitoring"), ("hi_training_established", "Operator training"),
        ("hi_failsafe_presence", "Fail-safe"), ("hi_appeal_process", "Appeal process"), ("hi_independent_review", "Independent review"),
    ];

    public abstract record Outcome
    {
        public sealed record Mapped(ToolProfile Profile, bool FederalHighImpact) : Outcome;

        public sealed record Refused(string Reason) : Outcome;
    }

    public string Officer => pack.Role("ai_officer").Email;

    /// <summary>
    /// The tool id for a use case: the same agency and id always give the same tool, so importing the
    /// same file twice registers nothing new. An id that is already one of ours (a row of our own
    /// export) is that tool.
    /// </summary>
    public static string ToolIdFor(string agency, string useCaseId)
    {
        var id = useCaseId.Trim();
        if (ToolLifecycleService.IsToolId(id)) return id;
        var a = agency.Trim().ToUpperInvariant();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{a}\u001f{id}")))[..10];
        var readable = a.Length > 0 && !id.StartsWith(a, StringComparison.OrdinalIgnoreCase) ? $"{a}-{id}" : id;
        return $"tool-{Slug(readable, 60)}-{hash}";
    }

    /// <summary>The use case id of a row, or null when it has none (empty or a placeholder such as "TBD").</summary>
    public static string? UseCaseId(FederalRow row)
    {
        var id = row["id"].Trim();
        return id.Length == 0 || Placeholders.Contains(id) ? null : id;
    }

    public Outcome Map(FederalRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var id = UseCaseId(row);
        if (id is null)
            return Refuse("No use case id. The federal schema requires one, and without it a later import cannot be matched to this tool; add the id and import the row again.");
        if (id.Length > 100 || id.Any(char.IsControl)) return Refuse("The use case id is longer than 100 characters or has control characters.");
        // A published inventory's cells may run over several lines; a name, vendor or department reaches mail
        // subjects, so each is folded onto one line (typed input with a line break is refused instead).
        var name = SingleLineText.Fold(row["use_case_name"]).Trim();
        if (name.Length == 0) return Refuse("No use case name.");

        // The city's register is public (Albuquerque 6.7, Sacramento IV.D): what the agency withheld stays out.
        var withheld = row.Choice("is_withheld");
        if (withheld.StartsWith("other", StringComparison.Ordinal))
            return Refuse("is_withheld is Other: the city's register is public, so decide whether the use case may be published and import it with No.");
        if (withheld is not ("" or "no")) return Refuse($"Withheld from public reporting (is_withheld: {row["is_withheld"].Trim()}); the city's register is public.");

        var stage = row.Choice("development_stage");
        if (stage.StartsWith("retired", StringComparison.Ordinal)) return Refuse("Retired: the use case was discontinued, so there is nothing to re-assess.");
        if (!(stage.Length == 0 || stage.StartsWith("pre-deployment", StringComparison.Ordinal) || stage.StartsWith("pilot", StringComparison.Ordinal) || stage.StartsWith("deployed", StringComparison.Ordinal)))
            return Unknown(row, "development_stage");

        var impact = row.Choice("is_high_impact");
        if (!(impact.Length == 0 || impact.StartsWith("high-impact", StringComparison.Ordinal) || impact.StartsWith("presumed", StringComparison.Ordinal) || impact.StartsWith("not high", StringComparison.Ordinal)))
            return Unknown(row, "is_high_impact");
        var pii = row.Choice("has_pii");
        if (pii is not ("" or "yes" or "no")) return Unknown(row, "has_pii");

        var classification = row.Choice("classification");
        var form = new ToolRequestForm(
            Clip(name, ToolRequestValidator.MaxShort), Vendor(row), Department(row), Officer, Purpose(row), Oversight(row),
            pii == "yes" ? ["pii"] : [],
            PublicFacing: false,
            GenerativeAi: classification.StartsWith("generative", StringComparison.Ordinal),
            AffectsWorkingConditions: false,
            Impersonation: false,
            LawEnforcement: row.Choice("topic_area").StartsWith("law enforcement", StringComparison.Ordinal),
            DecisionImpact: classification.StartsWith("agentic", StringComparison.Ordinal) ? "automated" : "assistive",
            Stage: stage.StartsWith("deployed", StringComparison.Ordinal) ? "production" : "pilot",
            AffectedClassifications: [],
            Answers: new Dictionary<string, string>());

        // The federal inventory never asked the city's questions: its floor below stands in for them,
        // rather than every blank counting as the riskier answer as it does for a request.
        var assessment = RiskAssessor.AssessAnswersGiven(pack, form);
        if (assessment.IsProhibited)
            return Refuse("The city's policy prohibits this use: " + string.Join(" ", assessment.Prohibited.Select(p => $"{p.Description} ({p.Source})")));

        var highImpact = impact.StartsWith("high-impact", StringComparison.Ordinal);
        var tiers = pack.Tiers.OrderBy(t => t.Rank).ToList();
        var floor = highImpact ? tiers[^1] : impact.StartsWith("not high", StringComparison.Ordinal) ? tiers[0] : tiers[tiers.Count / 2];
        var tier = pack.Tier(assessment.Tier).Rank >= floor.Rank ? assessment.Tier : floor.Id;

        var contact = row["contact_email"].Trim();
        var owner = IsEmail(contact) ? contact : Officer;
        return new Outcome.Mapped(new ToolProfile(
            ToolIdFor(row["agency"], id), null, form.ToolName, form.Vendor, form.Department, form.Purpose, form.HumanOversight,
            form.DataCategories, form.PublicFacing, form.GenerativeAi, form.DecisionImpact, form.Stage, tier, owner,
            [.. assessment.Disclosures.Select(d => $"{d.Text} ({d.Source})")], [], "import", id,
            // Sacramento VI.A.7: the federal inventory does not ask about working conditions: unknown, not "no", until labor relations classifies it.
            ToolProfile.ImpactUnknown), highImpact);
    }

    private static string Vendor(FederalRow row)
    {
        var vendor = SingleLineText.Fold(row["vendor_name"]).Trim();
        if (vendor.Length > 0) return Clip(vendor, ToolRequestValidator.MaxShort);
        return row.Choice("contracting_usage").StartsWith("in-house", StringComparison.Ordinal) || row.Choice("contracting_usage").StartsWith("developed in-house", StringComparison.Ordinal)
            ? "Developed in-house"
            : "Not stated";
    }

    // The bureau is the part of the agency that runs the use case: for a city, its department.
    private static string Department(FederalRow row)
    {
        var (agency, bureau) = (SingleLineText.Fold(row["agency"]).Trim(), SingleLineText.Fold(row["agency_bureau"]).Trim());
        var name = bureau.Length > 0 ? bureau : SingleLineText.Fold(row["agency_name"]).Trim();
        if (name.Length == 0) name = agency.Length > 0 ? agency : "Not stated";
        else if (agency.Length > 0 && !name.Contains(agency, StringComparison.OrdinalIgnoreCase)) name = $"{name} ({agency})";
        return Clip(name, ToolRequestValidator.MaxShort);
    }

    private static string Purpose(FederalRow row)
    {
        var text = PurposeColumns.Select(c => row[c].Trim()).FirstOrDefault(t => t.Length > 0);
        return Clip(text ?? "Not stated in the imported inventory.", ToolRequestValidator.MaxText);
    }

    // The federal high-impact practices that say how people oversee the system (M-25-21 minimum practices).
    private static string Oversight(FederalRow row)
    {
        var parts = OversightColumns.Where(p => row[p.Column].Trim().Length > 0).Select(p => $"{p.Label}: {row[p.Column].Trim()}.").ToList();
        return parts.Count > 0
            ? Clip(string.Join(" ", parts), ToolRequestValidator.MaxText)
            : "Not stated in the imported inventory; the owner describes it at the first re-assessment.";
    }

    private static Outcome.Refused Refuse(string reason) => new(reason);

    private static Outcome.Refused Unknown(FederalRow row, string column) =>
        new($"{column} \"{Clip(row[column].Trim(), 80)}\" is not a value the federal data dictionary allows.");

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static bool IsEmail(string v) => v.Length is > 0 and <= 200 && MailAddress.TryCreate(v, out var a) && a.Address == v;

    private static string Slug(string s, int max)
    {
        var sb = new StringBuilder();
        foreach (var c in s.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
            if (sb.Length >= max) break;
        }
        var slug = sb.ToString().Trim('-');
        return slug.Length == 0 ? "use-case" : slug;
    }
}

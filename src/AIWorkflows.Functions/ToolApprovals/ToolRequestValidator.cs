using System.Net.Mail;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>Checks an intake body field by field; the errors are keyed by the JSON field name.</summary>
public static class ToolRequestValidator
{
    public const int MaxText = 4000;
    public const int MaxShort = 200;

    /// <summary>Free text keeps line breaks and tabs; other control characters (NUL, escapes, ...) are refused, not stored.</summary>
    public static bool HasControlCharacters(string value) =>
        value is not null && value.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'));

    public static Dictionary<string, string[]> Validate(ToolRequestInput input, PolicyPack pack)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Fail(string field, string message) => errors[field] = [message];

        // Issue 19: these reach mail subjects and recipients, so they are one line.
        Line("toolName", "Tool name", input.ToolName);
        Line("vendor", "Vendor", input.Vendor);
        Line("department", "Department", input.Department);
        Text("purpose", "Purpose", input.Purpose, MaxText);
        Text("humanOversight", "Human oversight", input.HumanOversight, MaxText);
        if (Line("requesterEmail", "Requester email", input.RequesterEmail) && !IsEmail(input.RequesterEmail!))
            Fail("requesterEmail", "Enter an email address like name@city.gov.");

        if (input.DataCategories is null || input.DataCategories.Count == 0)
            Fail("dataCategories", "Choose at least one kind of data the tool will use.");
        else if (input.DataCategories.FirstOrDefault(c => !ToolRequestForm.DataCategoryValues.Contains(c)) is { } bad)
            Fail("dataCategories", $"'{Clip(bad)}' is not a data category; use {string.Join(", ", ToolRequestForm.DataCategoryValues)}.");

        Choice("decisionImpact", "how the tool's output is used", input.DecisionImpact, ToolRequestForm.DecisionImpactValues);
        Choice("stage", "the stage", input.Stage, ToolRequestForm.StageValues);
        Flag("publicFacing", "whether the public sees or uses the tool", input.PublicFacing);
        Flag("generativeAi", "whether the tool generates content", input.GenerativeAi);
        Flag("affectsWorkingConditions", "whether the tool affects employees' working conditions", input.AffectsWorkingConditions);
        Flag("impersonation", "whether the tool imitates a person's appearance or voice", input.Impersonation);
        Flag("lawEnforcement", "whether the tool is used for law enforcement", input.LawEnforcement);

        if (input.AffectedClassifications is { Count: > 50 } || input.AffectedClassifications?.Any(c => c is null || c.Length > MaxShort) == true)
            Fail("affectedClassifications", $"List at most 50 classifications of at most {MaxShort} characters.");
        else if (input.AffectedClassifications?.Any(c => !SingleLineText.IsValid(c)) == true)
            Fail("affectedClassifications", "Give each classification on one line, without control characters.");
        // Sacramento VI.A.7: adopting before notice is allowed only where the pack allows the emergency path, with reasons.
        if (input.EmergencyAdoption == true)
        {
            if (pack.Union is not { EmergencyAdoptionAllowed: true })
                Fail("emergencyAdoption", $"{pack.City}'s policy has no emergency adoption path.");
            else if (string.IsNullOrWhiteSpace(input.EmergencyJustification))
                Fail("emergencyJustification", "Explain the emergency that requires adopting the tool before employee organizations are noticed.");
            else if (input.EmergencyJustification.Length > MaxText)
                Fail("emergencyJustification", $"Use at most {MaxText} characters.");
        }

        if (!string.IsNullOrWhiteSpace(input.PilotToolId))
        {
            if (!Reassessments.ToolLifecycleService.IsToolId(input.PilotToolId.Trim()))
                Fail("pilotToolId", "Enter the pilot's tool id as the register shows it, like tool-0123456789abcdef.");
            else if (input.Stage is not null && input.Stage != "production")
                Fail("stage", "A request that moves a pilot on is for production.");
        }

        // Issue 17: a pack question a rule reads is either required or counts a blank as its riskier
        // answer (the assessment then says so), so a blank never skips a prohibition or a higher tier.
        foreach (var q in BlankAnswers.Missing(pack, input.Answers ?? []))
            Fail($"answers.{q.Id}", $"Answer this question: {pack.City}'s policy needs the answer to screen every request ({q.Source}).");
        foreach (var q in pack.Questions)
        {
            var answer = input.Answers?.GetValueOrDefault(q.Id);
            var allowed = q.Kind == "boolean" ? ["true", "false"] : q.Options;
            if (string.IsNullOrWhiteSpace(answer)) continue;
            if (allowed.Count > 0 && !allowed.Contains(answer.Trim())) Fail($"answers.{q.Id}", $"Choose one of: {string.Join(", ", allowed)}.");
            else if (answer.Length > MaxText) Fail($"answers.{q.Id}", $"Use at most {MaxText} characters.");
        }
        if (input.Answers?.Keys.FirstOrDefault(k => pack.Questions.All(q => q.Id != k)) is { } unknown)
            Fail($"answers.{Clip(unknown)}", "This question is not part of the city's form.");
        return errors;

        bool Text(string field, string label, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) { Fail(field, $"Enter the {label.ToLowerInvariant()}."); return false; }
            if (value.Length > max) { Fail(field, $"{label} must be at most {max} characters."); return false; }
            if (HasControlCharacters(value)) { Fail(field, $"{label} contains control characters."); return false; }
            return true;
        }

        bool Line(string field, string label, string? value)
        {
            if (!Text(field, label, value, MaxShort)) return false;
            if (SingleLineText.IsValid(value)) return true;
            Fail(field, $"{label} must be one line: remove line breaks and other control characters.");
            return false;
        }

        void Choice(string field, string label, string? value, IReadOnlyList<string> allowed)
        {
            if (value is null || !allowed.Contains(value)) Fail(field, $"Choose {label}: {string.Join(", ", allowed)}.");
        }

        void Flag(string field, string label, bool? value)
        {
            if (value is null) Fail(field, $"Say {label} (yes or no).");
        }
    }

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var a) && a.Address == value.Trim() && a.Host.Contains('.', StringComparison.Ordinal);

    private static string Clip(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

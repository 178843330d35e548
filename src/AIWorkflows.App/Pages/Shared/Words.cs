using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Pages;

/// <summary>The words people read for the codes the service and the pack use.</summary>
public static class Words
{
    public static string Status(string status) => status switch
    {
        "in_review" => "In review",
        "remediation" => "Changes requested: waiting on the requester",
        "union_notice" => "Waiting on notice to employee organizations",
        "approved" => "Approved",
        "rejected" => "Rejected",
        "withdrawn" => "Withdrawn",
        "suspended" => "Suspended",
        "retired" => "Retired",
        _ => Humanize(status),
    };

    public static string StatusTone(string status) => status switch
    {
        "approved" => "good",
        "rejected" or "suspended" => "bad",
        "remediation" or "union_notice" => "warn",
        _ => "neutral",
    };

    public static string DataCategory(string id) => id switch
    {
        "public" => "Public information",
        "internal" => "Internal city information",
        "confidential" => "Confidential city information",
        "pii" => "Personal information about people (names, addresses, ID numbers)",
        "hr" => "Employee and HR records",
        "health" => "Health or medical information",
        "criminal_justice" => "Criminal justice information",
        _ => Humanize(id),
    };

    public static string DecisionImpact(string id) => id switch
    {
        "none" => "No decisions: it does not inform decisions about people",
        "assistive" => "Assistive: it informs a decision a person makes",
        "automated" => "Automated: it makes or carries out decisions without a person deciding each one",
        _ => Humanize(id),
    };

    public static string Stage(string id) => id switch
    {
        "pilot" => "Pilot (a limited trial)",
        "production" => "Production (regular use)",
        _ => Humanize(id),
    };

    public static string Verdict(string? id) => id switch
    {
        null => "—",
        "approve" => "Approve",
        "approve_with_conditions" => "Approve with conditions",
        "request_remediation" => "Request remediation",
        "reject" => "Reject",
        _ => Humanize(id),
    };

    public static string ReviewStatus(string status) => status switch
    {
        "open" => "Waiting for decision",
        "overdue" => "Overdue (escalated)",
        "decided" => "Decided",
        "superseded" => "Replaced by a later round",
        _ => Humanize(status),
    };

    public static string YesNo(bool value) => value ? "Yes" : "No";

    public static string Tier(PolicyPack pack, string tier) =>
        pack.Tiers.FirstOrDefault(t => t.Id == tier)?.Label ?? Humanize(tier);

    public static string Answer(PackQuestion question, string answer) => question.Kind switch
    {
        "boolean" => answer switch { "true" => "Yes", "false" => "No", _ => answer },
        "choice" => Humanize(answer),
        _ => answer,
    };

    /// <summary>"new_purchase" reads "New purchase".</summary>
    public static string Humanize(string code)
    {
        if (string.IsNullOrEmpty(code)) return code;
        var words = code.Replace('_', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}

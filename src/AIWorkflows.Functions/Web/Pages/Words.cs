using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Web.Pages;

/// <summary>The words people read for the codes the service and the pack use.</summary>
public static class Words
{
    /// <summary>In place of a person's address on a request read by someone outside it (issue 19.2).</summary>
    public const string ShownToInsiders = "Shown to the requester and city staff who sign in";

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

    /// <summary>What happens next, for the person looking at the request.</summary>
    public static string NextStep(string status) => status switch
    {
        "in_review" => "The reviewers have been emailed and each decides through their own link. The requester is emailed when anything changes.",
        "remediation" => "A reviewer asked for changes. The requester answers using the link in their email, and review starts again.",
        "union_notice" => "Employee organizations are being notified. The tool cannot be rolled out until this is cleared.",
        "approved" => "The tool may be used as described, under any conditions below. It is listed in the public register.",
        "rejected" => "The tool must not be used for this purpose.",
        "withdrawn" => "The requester withdrew the request. Nothing more happens.",
        "suspended" => "Use of the tool is suspended until it is reassessed.",
        "retired" => "The tool is no longer in use.",
        _ => "",
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

    public static string Role(PolicyPack pack, string role) =>
        pack.Roles.FirstOrDefault(r => r.Id == role)?.Title ?? Humanize(role);

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

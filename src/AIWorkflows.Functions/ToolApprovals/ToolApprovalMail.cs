using System.Globalization;
using AIWorkflows.App.Mail;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>The emails of the tool approval workflow, in plain words, each with the one link its reader needs.</summary>
public sealed class ToolApprovalMail(PolicyPack pack, BusinessCalendar calendar, AppLinks links)
{
    private string Prefix => $"[{pack.City} AI review]";

    public string When(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, calendar.Zone).ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({calendar.Zone.Id})";

    private string Role(string id) => pack.Roles.FirstOrDefault(r => r.Id == id)?.Title ?? id;

    public MailMessage ReviewRequested(string id, RequestCase c, ReviewTask t, string token, bool reminder) =>
        new MailComposer(id, t.ReviewerEmail,
                $"{Prefix} {(reminder ? "Reminder: d" : "D")}ecision needed on {c.Form.ToolName} ({c.Tier} risk)", t.OpenedAt)
            .Para(reminder
                ? $"A reminder: your review as {Role(t.Role)} is still open. It will be escalated to the {Role(t.EscalateToRole)} on {When(t.EscalateAt)}."
                : $"The {c.Form.Department} department asks to use an AI tool. As {Role(t.Role)} your decision is needed by {When(t.EscalateAt)}.")
            .Field("Tool", $"{c.Form.ToolName} by {c.Form.Vendor}")
            .Field("Purpose", c.Form.Purpose)
            .Field("Risk tier", $"{c.Tier} — {string.Join("; ", c.TierReasons.Select(r => $"{r.Reason} ({r.Source}){string.Concat((r.Assumed ?? []).Select(a => " " + a.Describe()))}"))}")
            .Field("Requested by", c.Form.OnBehalf ? $"{c.Form.RequesterEmail} (sent on their behalf by {c.Form.SubmittedBy})" : c.Form.RequesterEmail)
            .Link("Open the review", links.Task(token))
            .Para("The link is yours alone; opening it changes nothing until you submit a decision.")
            .Build();

    public MailMessage Escalated(string id, RequestCase c, ReviewTask t, DateTimeOffset at) =>
        new MailComposer(id, t.EscalateToEmail, $"{Prefix} Overdue: {Role(t.Role)} review of {c.Form.ToolName}", at)
            .Para($"The {Role(t.Role)} review of {c.Form.ToolName} ({c.Form.Department}) was due {When(t.EscalateAt)} and is still open.")
            .Field("Overdue review", $"{Role(t.Role)} ({t.ReviewerEmail}), opened {When(t.OpenedAt)}")
            .Field("Request", c.RequestId)
            .Link("See the request", links.Request(c.RequestId))
            .Build();

    public MailMessage Received(string id, RequestCase c, string respondToken) =>
        new MailComposer(id, c.Form.RequesterEmail, $"{Prefix} Received: {c.Form.ToolName}", c.SubmittedAt)
            .Para($"Your request to use {c.Form.ToolName} is received and rated {c.Tier} risk. Reviewers: "
                + string.Join(", ", pack.Tier(c.Tier).Reviews.Select(r => Role(r.Role)).Distinct()) + "."
                + (c.Form.OnBehalf ? $" {c.Form.SubmittedBy} sent it on your behalf; if you did not ask for it, withdraw it with the link below." : ""))
            .Link("Follow the request", links.Request(c.RequestId))
            .Link("Withdraw or answer findings", links.Respond(respondToken))
            .Build();

    public MailMessage RemediationRequested(string id, RequestCase c, Finding f, string respondToken) =>
        new MailComposer(id, c.Form.RequesterEmail, $"{Prefix} Changes requested: {c.Form.ToolName}", f.At)
            .Para($"The {Role(f.Role)} asks for changes before {c.Form.ToolName} can be approved.")
            .Field("Findings", f.Comments)
            .Link("Answer the findings and resubmit", links.Respond(respondToken))
            .Build();

    // Albuquerque 4.2: an escalation pathway for unresolved risks; the authority answers through City governance.
    public MailMessage FindingEscalated(string id, RequestCase c, Finding f, ToolApprovalEvent.FindingEscalated e) =>
        new MailComposer(id, e.EscalatedToEmail, $"{Prefix} Unresolved finding escalated: {c.Form.ToolName}", e.At)
            .Para($"The {Role(f.Role)} found a risk in {c.Form.ToolName} ({c.Form.Department}) that is not resolved; "
                + (e.Automatic ? "the policy's period for resolving it has passed." : "the reviewer escalated it to you.")
                + " The tool may not be used unless the finding is remediated.")
            .Field("Finding", f.Comments).Field("Made", When(f.At)).Field("Why escalated", e.Reason).Field("Requester", c.Form.RequesterEmail)
            .Link("See the request", links.Request(c.RequestId))
            .Build();

    public MailMessage Outcome(string id, ToolApproval state) => state switch
    {
        ToolApproval.Approved a => new MailComposer(id, a.Case.Form.RequesterEmail, $"{Prefix} Approved: {a.Case.Form.ToolName}", a.At)
            .Para($"{a.Case.Form.ToolName} is approved for {a.Case.Form.Department} at the {a.Case.Tier} risk tier.")
            .Field("Conditions", a.Conditions.Count == 0 ? "none" : string.Join("; ", a.Conditions))
            .Field("Your duties", a.Case.Disclosures.Count == 0 ? "none beyond the policy" : string.Join("; ", a.Case.Disclosures.Select(d => $"{d.Text} ({d.Source})")))
            .Link("See the decision", links.Request(a.Case.RequestId))
            .Build(),
        ToolApproval.Rejected r => new MailComposer(id, r.Case.Form.RequesterEmail, $"{Prefix} Not approved: {r.Case.Form.ToolName}", r.At)
            .Para($"{r.Case.Form.ToolName} is not approved. The {Role(r.Role)} gave this reason:")
            .Para(r.Reason)
            .Link("See the decision", links.Request(r.Case.RequestId))
            .Build(),
        _ => throw new ArgumentException($"No outcome mail for a request that is {state.Status}.", nameof(state)),
    };
}

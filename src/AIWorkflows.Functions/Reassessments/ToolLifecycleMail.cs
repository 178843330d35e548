using AIWorkflows.App.Mail;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;

namespace AIWorkflows.App.Reassessments;

/// <summary>The emails of a tool's life in service: re-assessment tasks, overdue notices, suspensions, incidents.</summary>
public sealed class ToolLifecycleMail(PolicyPack pack, ToolApprovalMail approvalMail, LifecycleLinks links)
{
    private string Prefix => $"[{pack.City} AI register]";

    public string Officer => pack.Role("ai_officer").Email;

    public string Cio => pack.Roles.FirstOrDefault(r => r.Id == "cio")?.Email ?? Officer;

    public string Supervisor => pack.Roles.FirstOrDefault(r => r.Id == "supervisor")?.Email ?? Cio;

    private string When(DateTimeOffset at) => approvalMail.When(at);

    public MailMessage AttestationRequested(string id, ToolProfile p, OpenReassessment o, DateTimeOffset at) =>
        new MailComposer(id, p.OwnerEmail, $"{Prefix} Re-assessment of {p.Name} due {When(o.DueAt)}", at)
            .Para($"{p.Name} ({p.Department}, {p.Tier} risk) is due for its periodic re-assessment ({o.Reason}). "
                + "Please attest how it is used, any change in the data it handles, and any incidents since the last review.")
            .Link("Attest", links.Task(p.ToolId, o.OwnerTaskId, p.OwnerEmail, at))
            .Para($"If it is not done by {When(o.DueAt)} it is escalated, and the tool is suspended when long overdue.")
            .Build();

    public MailMessage OfficerNotified(string id, ToolProfile p, OpenReassessment o, DateTimeOffset at) =>
        new MailComposer(id, Officer, $"{Prefix} Re-assessment opened: {p.Name}", at)
            .Para($"The re-assessment of {p.Name} ({p.Department}, {p.Tier} risk) opened; the owner {p.OwnerEmail} was asked to attest. Due {When(o.DueAt)}.")
            .Link("See the tool", links.Tool(p.ToolId))
            .Build();

    public MailMessage ReviewRequested(string id, ToolProfile p, OpenReassessment o, Attestation a, string officerTaskId) =>
        new MailComposer(id, Officer, $"{Prefix} Review the re-assessment of {p.Name}", a.At)
            .Para($"{a.By} attested the use of {p.Name}. Your review decides whether it continues, changes tier, is suspended or retired.")
            .Field("Use", a.Use).Field("Data changes", a.DataChanges).Field("Incidents since last review", a.IncidentsSince)
            .Link("Review", links.Task(p.ToolId, officerTaskId, Officer, a.At))
            .Build();

    public MailMessage Overdue(string id, ToolProfile p, OpenReassessment o, DateTimeOffset at) =>
        new MailComposer(id, Cio, $"{Prefix} Overdue: re-assessment of {p.Name}", at)
            .Para($"The re-assessment of {p.Name} ({p.Department}, {p.Tier} risk) was due {When(o.DueAt)} and is not complete.")
            .Field("Waiting on", o.Attestation is null ? $"the owner's attestation ({p.OwnerEmail})" : $"the AI officer's review ({Officer})")
            .Link("See the tool", links.Tool(p.ToolId))
            .Build();

    public MailMessage StatusChanged(string id, string to, ToolProfile p, string what, string detail, DateTimeOffset at) =>
        new MailComposer(id, to, $"{Prefix} {p.Name} {what}", at)
            .Para($"{p.Name} ({p.Department}) {what}.")
            .Field("Details", detail)
            .Link("See the tool", links.Tool(p.ToolId))
            .Build();

    /// <param name="confirmed">The reporter was not signed in and the AI officer confirmed the report.</param>
    public MailMessage IncidentReported(string id, string to, ToolProfile p, string incidentId, string severity, string reporter, string description, bool severe, DateTimeOffset at, bool confirmed = false) =>
        new MailComposer(id, to, $"{Prefix} Incident ({severity}) reported for {p.Name}", at)
            .Para((confirmed ? $"{reporter} (not signed in) reported an incident with {p.Name} ({p.Department}), and the AI officer confirmed the report."
                    : $"{reporter} reported an incident with {p.Name} ({p.Department}).")
                + (severe ? " The tool is suspended until it is re-assessed." : ""))
            .Field("Incident", incidentId).Field("Severity", severity).Field("What happened", description)
            .Link("See the tool", links.Tool(p.ToolId))
            .Build();

    public string RoleEmail(string role) => pack.Role(role).Email;

    // Sacramento VI.A.6: the ISO hears of a possible cybersecurity incident as it is reported, and then of the AI officer's triage.
    public MailMessage IncidentKindNotice(string id, string to, ToolProfile p, ToolLifecycleEvent.IncidentRolesNotified n)
    {
        var kind = (pack.IncidentKind(n.Kind)?.Label ?? n.Kind).ToLowerInvariant();
        var (subject, para) = n.Status switch
        {
            "awaiting_triage" => ($"Possible {kind} incident reported (not yet confirmed)",
                $"Someone who was not signed in reported a {kind} incident with {p.Name} ({p.Department}). The AI officer has not confirmed it yet, "
                + "and nothing about the tool has changed; you are told now so that the incident response can start."),
            "confirmed" => ($"{kind} incident confirmed", $"The AI officer confirmed the {kind} incident reported with {p.Name} ({p.Department})."),
            "dismissed" => ($"{kind} incident dismissed", $"The AI officer dismissed the {kind} incident reported with {p.Name} ({p.Department}); nothing about the tool changes."),
            _ => ($"{kind} incident reported", $"{n.ReporterEmail} reported a {kind} incident with {p.Name} ({p.Department})."),
        };
        return new MailComposer(id, to, $"{Prefix} {Capital(subject)}: {p.Name}", n.At)
            .Para(para)
            .Field("Incident", n.IncidentId).Field("Kind", kind).Field("Severity", n.Severity)
            .Field(n.Status == "reported" ? "Reporter" : "Contact given", n.ReporterEmail).Field("What happened", n.Description)
            .Link("See the tool", links.Tool(p.ToolId))
            .Build();
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    // Sacramento VII.B: the report is taken; V.C.3: the AI officer decides whether it is acted on.
    public MailMessage TriageRequested(string id, ToolProfile p, ToolLifecycleEvent.IncidentHeldForTriage i) =>
        new MailComposer(id, Officer, $"{Prefix} Incident report to triage ({i.Severity}): {p.Name}", i.At)
            .Para($"Someone who was not signed in reported an incident with {p.Name} ({p.Department}). Nothing has changed yet: "
                + "confirm the report to act on it as the policy says (a high or critical incident suspends the tool at once), or dismiss it.")
            .Field("Incident", i.IncidentId).Field("Severity", i.Severity).Field("Contact given (not verified)", i.ReporterEmail).Field("What happened", i.Description)
            .Link("Confirm or dismiss the report", links.Triage(p.ToolId, i.TaskId, Officer, i.At))
            .Para("Opening the link changes nothing; only your answer on the page does.")
            .Build();
}

using System.Globalization;
using AIWorkflows.App.Mail;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.AccessGrants;

/// <summary>The emails of an access request: what is still needed, the agreement and consent links, the grant, its renewal and its end.</summary>
public sealed class AccessGrantMail(PolicyPack pack, ToolApprovalMail approvalMail, AccessLinks links)
{
    private string Prefix => $"[{pack.City} AI access]";

    private string When(DateTimeOffset at) => approvalMail.When(at);

    private static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public MailMessage Requested(string id, GrantFile f, IReadOnlyList<string> missing, DateTimeOffset at)
    {
        var m = new MailComposer(id, f.EmployeeEmail, $"{Prefix} Your request for {f.ToolName}", at)
            .Para($"You asked for access to {f.ToolName}. The City's AI policy allows access only once you are trained for it, "
                + "have signed the agreement on ethical use and your department head agrees.");
        foreach (var item in missing) m.Field("Still needed", item);
        if (f.Required.AgreementSha256 is not null && f.Agreement is null)
            m.Link($"Read and sign the {f.Required.AgreementTitle}", links.Sign(f, at));
        if (f.Required.Courses.Count > 0)
            m.Para("Take the courses in the learning system; completions reach us from there. Access is granted as soon as everything is in place.");
        return m.Build();
    }

    public MailMessage ConsentRequested(string id, GrantFile f, string head, IReadOnlyList<string> missing, DateTimeOffset at)
    {
        var m = new MailComposer(id, head, $"{Prefix} Consent needed: {f.EmployeeEmail} asks to use {f.ToolName}", at)
            .Para($"{f.EmployeeEmail} ({f.Department}) asks for access to {f.ToolName}. Access to AI tools is granted in coordination with "
                + "department heads: please consent, or refuse and say why.");
        foreach (var item in missing.Where(i => !i.StartsWith("department head", StringComparison.Ordinal))) m.Field("Also still needed", item);
        return m.Link("Consent or refuse", links.Consent(f, head, at))
            .Para("Opening the link changes nothing until you submit your answer.")
            .Build();
    }

    // Albuquerque 4.1: access is granted by DTI, after the department head's consent.
    public MailMessage GrantRequested(string id, GrantFile f, string grantor, DateTimeOffset at) =>
        new MailComposer(id, grantor, $"{Prefix} Grant access: {f.EmployeeEmail} to {f.ToolName}", at)
            .Para($"{f.EmployeeEmail} ({f.Department}) asks for access to {f.ToolName}. The department head consented"
                + (f.DepartmentHead is { } h ? $" ({h.By})" : "") + " and everything else the policy asks is in place: "
                + $"{f.Required.GrantedBy} grants the access, or refuses and says why.")
            .Link("Grant or refuse", links.Grant(f, grantor, at))
            .Para("Opening the link changes nothing until you submit your decision.")
            .Build();

    public MailMessage Granted(string id, GrantFile f, DateTimeOffset expiresAt, bool renewed, DateTimeOffset at) =>
        new MailComposer(id, f.EmployeeEmail, $"{Prefix} {(renewed ? "Access renewed" : "Access granted")}: {f.ToolName}", at)
            .Para(renewed
                ? $"Your training is renewed: your access to {f.ToolName} continues."
                : $"You may now use {f.ToolName} for your work in {f.Department}. IT adds you to the tool's group.")
            .Field("Valid until", expiresAt == DateTimeOffset.MaxValue ? "no training expires" : $"{Day(expiresAt)}, while your training is current")
            .Link($"About {f.ToolName}", links.Tool(f.ToolId))
            .Build();

    public MailMessage ExpiryReminder(string id, GrantFile f, DateTimeOffset expiresAt, DateTimeOffset at)
    {
        var m = new MailComposer(id, f.EmployeeEmail, $"{Prefix} Renew your training: access to {f.ToolName} ends {Day(expiresAt)}", at)
            .Para($"Your access to {f.ToolName} ends on {Day(expiresAt)} ({When(expiresAt)}) unless you renew the training that expires then.");
        foreach (var c in Expiring(f, expiresAt)) m.Field("Renew", c.Title);
        return m.Para("Once the learning system reports the renewed course, your access continues without a new request.").Build();
    }

    public MailMessage Lapsed(string id, GrantFile f, string reason, DateTimeOffset at) =>
        new MailComposer(id, f.EmployeeEmail, $"{Prefix} Access paused: {f.ToolName}", at)
            .Para($"Your access to {f.ToolName} is paused: {reason}. Stop using the tool; access returns by itself once this is put right.")
            .Link($"About {f.ToolName}", links.Tool(f.ToolId))
            .Build();

    public MailMessage Ended(string id, GrantFile f, string reason, DateTimeOffset at) =>
        new MailComposer(id, f.EmployeeEmail, $"{Prefix} Access {(reason.StartsWith("refused", StringComparison.Ordinal) ? "refused" : "ended")}: {f.ToolName}", at)
            .Para($"Your request for {f.ToolName} is closed: {reason}.")
            .Link("Request access again", links.NewRequest(f.ToolId))
            .Build();

    private static IEnumerable<RequiredCourse> Expiring(GrantFile f, DateTimeOffset expiresAt) =>
        f.Required.Courses.Where(c => f.Completions.TryGetValue(c.Id, out var done)
            && done.AddMonths(c.ValidMonths) == DateOnly.FromDateTime(expiresAt.UtcDateTime));
}

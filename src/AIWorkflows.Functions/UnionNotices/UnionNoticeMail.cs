using System.Globalization;
using AIWorkflows.App.Mail;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.UnionNotices;

namespace AIWorkflows.App.UnionNotices;

/// <summary>The notice letter to each organization and the emails to labor relations and the requester.</summary>
public sealed class UnionNoticeMail(PolicyPack pack, BusinessCalendar calendar, ToolApprovalMail approvalMail, UnionLinks links)
{
    private string Prefix => $"[{pack.City} labor relations]";

    public string LaborRelations => pack.Union?.LaborRelationsEmail ?? pack.Role("labor_relations").Email;

    private string When(DateTimeOffset at) => approvalMail.When(at);

    /// <summary>"the end of Friday 11 December 2026": the last day of the window, which runs to midnight city time.</summary>
    public string WindowEnd(NoticeCase c) =>
        "the end of " + calendar.LocalDate(c.Clock.WindowClosesAt.AddTicks(-1)).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>What the letter says, field by field; the retained record keeps the same fields (without the link).</summary>
    public IReadOnlyList<(string Label, string Value)> LetterFields(NoticeCase c, OrganizationNotice o)
    {
        var t = c.Tool;
        List<(string, string)> fields =
        [
            ("Tool", $"{t.ToolName} by {t.Vendor}"),
            ("Department", t.Department),
            ("Purpose", t.Purpose),
            ("Affected classifications", o.Classifications.Count > 0 ? string.Join(", ", o.Classifications) : "not named by the department"),
            ("Planned go-live", t.PlannedGoLive?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "not yet set"),
        ];
        if (c.EmergencyJustification is { } why) fields.Add(("Adopted on an emergency basis because", why));
        else fields.Add(("Not in use before", When(c.Clock.EarliestGoLiveAt)));
        fields.Add(("Answer by", WindowEnd(c)));
        fields.Add(("Contact", $"Labor relations, {LaborRelations}"));
        return fields;
    }

    public string LetterOpening(NoticeCase c, OrganizationNotice o) => c.Emergency
        ? $"The City of {pack.City} has adopted a new AI technology on an emergency basis that it anticipates may have more than a de minimis impact on the working conditions of employees represented by {o.Name}. This notice follows at the earliest practicable time (AI Policy VI.A.7, Meyers-Milias-Brown Act)."
        : $"The City of {pack.City} intends to introduce a new AI technology that it anticipates may have more than a de minimis impact on the working conditions of employees represented by {o.Name} (AI Policy VI.A.7, Meyers-Milias-Brown Act).";

    public string LetterClosing(NoticeCase c) =>
        $"Your organization may request to meet and confer regarding these impacts, or waive. If we receive no request by {WindowEnd(c)}, the notice is treated as waived; "
        + "a request made later still opens a meet-and-confer case.";

    public MailMessage Notice(string id, NoticeCase c, OrganizationNotice o, string responseUrl)
    {
        var m = new MailComposer(id, o.Email, $"{Prefix} Notice of new AI technology: {c.Tool.ToolName} ({c.Tool.Department})", c.NoticedAt)
            .Para(LetterOpening(c, o));
        foreach (var (label, value) in LetterFields(c, o)) m.Field(label, value);
        return m.Para(LetterClosing(c))
            .Link("Waive or request to meet and confer", responseUrl)
            .Para("The link is for your organization; opening it changes nothing until you submit an answer.")
            .Build();
    }

    public MailMessage NoticeSent(string id, NoticeCase c) =>
        new MailComposer(id, LaborRelations, $"{Prefix} Notice sent: {c.Tool.ToolName} ({c.Tool.Department})", c.NoticedAt)
            .Para($"Notice of {c.Tool.ToolName} went to {string.Join(", ", c.Organizations.Select(o => o.Name))}."
                + (c.Tool.RequestId.Length == 0 ? " The tool is already in the register (Sacramento VI.A.7: notice after the fact); requests to meet and confer do not stop it."
                    : c.Emergency ? " The tool was adopted on an emergency basis; requests to meet and confer do not stop it." : $" It may not go live before {When(c.Clock.EarliestGoLiveAt)}."))
            .Field("Answers due by", WindowEnd(c))
            .Link("Open the case", links.Case(c.NoticeId))
            .Build();

    public MailMessage Reminder(string id, NoticeCase c, IEnumerable<string> unanswered, DateTimeOffset at) =>
        new MailComposer(id, LaborRelations, $"{Prefix} Reminder: union notice window closes for {c.Tool.ToolName}", at)
            .Para($"The window to answer the notice of {c.Tool.ToolName} closes at {WindowEnd(c)}. No answer yet from: "
                + string.Join(", ", unanswered.Select(u => c.Organization(u)?.Name ?? u)) + ". Without a request by then, the notice counts as waived.")
            .Link("Open the case", links.Case(c.NoticeId))
            .Build();

    public MailMessage Answered(string id, NoticeCase c, OrganizationNotice o, bool requested, string by, string comments, DateTimeOffset at) =>
        new MailComposer(id, LaborRelations, $"{Prefix} {o.Name} {(requested ? "requests to meet and confer" : "waives")}: {c.Tool.ToolName}", at)
            .Para(requested
                ? $"{o.Name} requests to meet and confer on {c.Tool.ToolName}." + (o.Case is { HoldsGoLive: true } m
                    ? $" Roll-out waits until the case is concluded; the city default limit is {When(m.DueBy)}."
                    : " The request came after the window or go-live: the city meets, but roll-out does not wait.")
                : $"{o.Name} waives meeting and conferring on {c.Tool.ToolName}.")
            .Field("Answered by", by)
            .Field("Comments", comments.Length > 0 ? comments : "none")
            .Link("Open the case", links.Case(c.NoticeId))
            .Build();

    public MailMessage CaseOverdue(string id, NoticeCase c, OrganizationNotice o, DateTimeOffset at) =>
        new MailComposer(id, LaborRelations, $"{Prefix} Overdue: meet and confer with {o.Name} on {c.Tool.ToolName}", at)
            .Para($"The meet-and-confer case with {o.Name} on {c.Tool.ToolName} reached its limit ({When(o.Case!.DueBy)}) without a conclusion. "
                + "Record the agreement, or the impasse, on the case page.")
            .Link("Open the case", links.Case(c.NoticeId))
            .Build();

    public MailMessage Cleared(string id, NoticeCase c, DateTimeOffset at) =>
        new MailComposer(id, c.Tool.RequesterEmail, $"{Prefix} Cleared for roll-out: {c.Tool.ToolName}", at)
            .Para($"Every employee organization noticed about {c.Tool.ToolName} has waived or concluded meeting and conferring, "
                + "and the minimum notice period has passed. The tool may now go live as approved.")
            .Link("See the request", links.Request(c.Tool.RequestId))
            .Build();

    public MailMessage Withdrawn(string id, NoticeCase c, OrganizationNotice o, DateTimeOffset at) =>
        new MailComposer(id, o.Email, $"{Prefix} Notice withdrawn: {c.Tool.ToolName}", at)
            .Para($"The department withdrew its request for {c.Tool.ToolName}. The City will not introduce it; nothing more is needed from {o.Name}.")
            .Field("Contact", $"Labor relations, {LaborRelations}")
            .Build();
}

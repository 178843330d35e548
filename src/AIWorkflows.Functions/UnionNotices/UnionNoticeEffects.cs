using System.Text.Json;
using AIWorkflows.App.Effects;
using AIWorkflows.App.Mail;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Domain.UnionNotices;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// What a notice's events cause outside the read model: letters, records, mails, and the approval's clearance. Its timer
/// effects are not carried out: the orchestration holds one durable timer for the earliest of the decider's deadlines.
/// </summary>
public sealed class UnionNoticeEffects(UnionNoticeMail mail, UnionLinks links)
{
    public const string Workflow = "union-notice";

    /// <summary>The command the approval sends when roll-out must wait on notice, or on the emergency path after adopting.</summary>
    public static UnionNoticeCommand.Start Start(RequestCase c, IEnumerable<string> organizations, string? emergencyJustification, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(c);
        var f = c.Form;
        var tool = new NoticedTool(c.RequestId, c.ToolId, f.ToolName, f.Vendor, f.Department, f.Purpose, f.RequesterEmail,
            [.. f.AffectedClassifications], f.PlannedGoLive);
        return new UnionNoticeCommand.Start(UnionGate.NoticeId(c.RequestId), tool, [.. organizations], emergencyJustification, at);
    }

    public IEnumerable<PendingEffect> For(string noticeId, UnionNotice before, UnionNotice after, IReadOnlyList<StoredEvent<UnionNoticeEvent>> events)
    {
        if (after.CaseOrNull is not { } c) yield break;
        foreach (var (seq, _, e) in events)
        {
            switch (e)
            {
                // Sacramento VI.A.7: written notice to each recognized employee organization, kept as a record.
                case NoticeStarted s:
                    foreach (var o in c.Organizations)
                    {
                        yield return Mail($"{seq}-mail-{o.Id}", mail.Notice($"{noticeId}-{seq}-{o.Id}", c, o, links.Respond(noticeId, o.Id, s.At)));
                        yield return Archive($"{seq}-archive-{o.Id}", "union_notice", $"{c.Tool.ToolId}.union-notice-{o.Id}",
                            $"Union notice: {c.Tool.ToolName} to {o.Name}", c, s.At, Letter(c, o));
                    }
                    yield return Mail($"{seq}-mail-labor", mail.NoticeSent($"{noticeId}-{seq}-labor", c));
                    break;
                // Sacramento VI.A.7: notice after the fact of a registered tool; nothing to hold, so no go-live timer.
                case CaseOpenedOnTool s:
                    foreach (var o in c.Organizations.Where(o => s.Organizations.Any(x => x.Id == o.Id)))
                    {
                        yield return Mail($"{seq}-mail-{o.Id}", mail.Notice($"{noticeId}-{seq}-{o.Id}", c, o, links.Respond(noticeId, o.Id, s.At)));
                        yield return Archive($"{seq}-archive-{o.Id}", "union_notice", $"{c.Tool.ToolId}.union-notice-{o.Id}",
                            $"Union notice: {c.Tool.ToolName} to {o.Name}", c, s.At, Letter(c, o));
                    }
                    yield return Mail($"{seq}-mail-labor", mail.NoticeSent($"{noticeId}-{seq}-labor", c));
                    break;
                case OrganizationJoined j when c.Organization(j.Organization.Id) is { } o:
                    yield return Archive($"{seq}-archive-{o.Id}", "union_notice", $"{c.Tool.ToolId}.union-notice-{o.Id}-joined",
                        $"Union notice: {c.Tool.ToolName}, {o.Name} joined on its request", c, j.At, Letter(c, o));
                    break;
                case WindowClosingReminded r:
                    yield return Mail($"{seq}-mail-labor", mail.Reminder($"{noticeId}-{seq}-reminder", c, r.Unanswered, r.At));
                    break;
                case NoticeWaived w when c.Organization(w.OrganizationId) is { } o:
                    yield return Mail($"{seq}-mail-labor", mail.Answered($"{noticeId}-{seq}-waived", c, o, requested: false, w.By, w.Comments, w.At));
                    break;
                case MeetAndConferRequested m when c.Organization(m.OrganizationId) is { } o:
                    yield return Mail($"{seq}-mail-labor", mail.Answered($"{noticeId}-{seq}-requested", c, o, requested: true, m.By, m.Comments, m.At));
                    break;
                case MeetAndConferOverdue x when c.Organization(x.OrganizationId) is { } o:
                    yield return Mail($"{seq}-mail-labor", mail.CaseOverdue($"{noticeId}-{seq}-overdue", c, o, x.At));
                    break;
                case MeetAndConferConcluded x when c.Organization(x.OrganizationId) is { Case: { } m } o:
                    yield return Archive($"{seq}-archive-case-{o.Id}", "meeting_minutes", $"{c.Tool.ToolId}.union-case-{o.Id}",
                        $"Meet and confer with {o.Name} on {c.Tool.ToolName}: {(x.Outcome == CaseOutcome.Agreement ? "agreement" : "impasse")}", c, x.At,
                        new { noticeId, tool = c.Tool, organization = new { o.Id, o.Name }, caseOpenedAt = m.OpenedAt, m.HoldsGoLive, meetings = m.Meetings, conclusion = m.Conclusion });
                    break;
                case GoLiveCleared g:
                    yield return CommandEffectHandler.Create<ToolApprovalCommand>($"{seq}-approval", ToolApprovalEffects.Workflow, g.RequestId,
                        new ToolApprovalCommand.UnionCleared(noticeId, g.At), WorkflowJson.Options);
                    yield return Mail($"{seq}-mail-requester", mail.Cleared($"{noticeId}-{seq}-cleared", c, g.At));
                    break;
                case NoticeWithdrawn w:
                    foreach (var o in c.Organizations)
                        yield return Mail($"{seq}-mail-{o.Id}", mail.Withdrawn($"{noticeId}-{seq}-{o.Id}", c, o, w.At));
                    break;
            }
        }
    }

    private object Letter(NoticeCase c, OrganizationNotice o) => new
    {
        noticeId = c.NoticeId,
        organization = new { o.Id, o.Name, o.Email },
        sentAt = c.NoticedAt,
        opening = mail.LetterOpening(c, o),
        fields = mail.LetterFields(c, o).Select(f => new { label = f.Label, value = f.Value }),
        closing = mail.LetterClosing(c),
        tool = c.Tool,
        clock = c.Clock,
        emergencyJustification = c.EmergencyJustification,
    };

    private static PendingEffect Mail(string id, MailMessage message) =>
        new(id.ToLowerInvariant(), MailEffectHandler.KindName, JsonSerializer.Serialize(message));

    private static PendingEffect Archive(string effectId, string recordClass, string recordId, string title, NoticeCase c, DateTimeOffset at, object content) =>
        ArchiveEffectHandler.Create(effectId, new ArchiveEffectHandler.Payload(
            recordId, recordClass, title, c.Tool.ToolId, c.Tool.RequestId, c.Tool.Department, at, JsonSerializer.Serialize(content, Indented)));

    private static readonly JsonSerializerOptions Indented = new(WorkflowJson.Options) { WriteIndented = true };
}

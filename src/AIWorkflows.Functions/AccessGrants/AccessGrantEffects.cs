using System.Text.Json;
using AIWorkflows.App.Effects;
using AIWorkflows.App.Mail;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using static AIWorkflows.Domain.AccessGrants.AccessGrantEvent;

namespace AIWorkflows.App.AccessGrants;

/// <summary>What a grant's events cause outside the store: emails with signed links, the expiry clock, the grant record and the list line.</summary>
public sealed class AccessGrantEffects(AccessGrantMail mail, AccessRequirements requirements)
{
    public const string Workflow = "access-grant";

    public IEnumerable<PendingEffect> For(string grantId, AccessGrant before, AccessGrant after, IReadOnlyList<StoredEvent<AccessGrantEvent>> events)
    {
        if (after.FileOrNull is not { } f || events.Count == 0) yield break;
        var grantedNow = events.Any(e => e.Event is AccessGranted);
        foreach (var (seq, _, e) in events)
        {
            switch (e)
            {
                // Albuquerque 5.1: the employee is told what is missing and signs the agreement through a link.
                case AccessRequested r when !grantedNow:
                    var missing = AccessGrantDecider.Missing(f, r.At);
                    yield return Mail($"{seq}-mail-employee", mail.Requested($"{grantId}-{seq}-requested", f, missing, r.At));
                    // Albuquerque 4.1: access is granted in coordination with the department head.
                    if (f.Required.DepartmentHeadConsent)
                        yield return Mail($"{seq}-mail-head", mail.ConsentRequested($"{grantId}-{seq}-consent", f, requirements.DepartmentHead(f.Department), missing, r.At));
                    break;
                case AccessGranted g:
                    var renewed = before is AccessGrant.Granted;
                    yield return Mail($"{seq}-mail-employee", mail.Granted($"{grantId}-{seq}-granted", f, g.ExpiresAt, renewed, g.At));
                    if (!renewed) yield return Archive(seq, f, after, g);
                    break;
                // Sacramento VI.B: only tools one is trained for; the employee is reminded before the training lapses.
                case ExpiryReminded x:
                    yield return Mail($"{seq}-mail-employee", mail.ExpiryReminder($"{grantId}-{seq}-reminder", f, x.ExpiresAt, x.At));
                    break;
                case AccessLapsed l:
                    yield return Mail($"{seq}-mail-employee", mail.Lapsed($"{grantId}-{seq}-lapsed", f, l.Reason, l.At));
                    break;
                case AccessEnded x:
                    yield return Mail($"{seq}-mail-employee", mail.Ended($"{grantId}-{seq}-ended", f, x.Reason, x.At));
                    break;
            }
        }
        // Albuquerque 4.1: DTI is asked once the rest is in place (whichever requirement came last), and again
        // only if the request moved away and back (the tool suspended and reinstated before DTI decided).
        var at = events[^1].Event.At;
        if (requirements.GrantorEmail is { } grantor && after is AccessGrant.Pending && AccessGrantDecider.AwaitsGrantor(f, at)
            && !(before is AccessGrant.Pending { File: var was } && AccessGrantDecider.AwaitsGrantor(was, at)))
            yield return Mail($"{events[^1].Seq}-mail-grantor", mail.GrantRequested($"{grantId}-{events[^1].Seq}-grant", f, grantor, at));
        if (GrantLine.From(after, events[^1].Seq, events[^1].Event.At) is { } line)
            yield return GrantIndexEffectHandler.Create(events[^1].Seq, line, isNew: before is AccessGrant.None);
    }

    private static PendingEffect Mail(string id, MailMessage message) =>
        new(id.ToLowerInvariant(), MailEffectHandler.KindName, JsonSerializer.Serialize(message));

    // Albuquerque 5.1: the grant and what it rests on (training, the signed agreement's hash, the consent) are kept as a record.
    private PendingEffect Archive(long seq, GrantFile f, AccessGrant after, AccessGranted g) =>
        ArchiveEffectHandler.Create($"{seq}-archive-access_grant", new ArchiveEffectHandler.Payload(
            $"{f.ToolId}.access-{f.GrantId}-{seq}", "access_grant", $"Access granted: {f.EmployeeEmail} to {f.ToolName}", f.ToolId, null, f.Department, g.At,
            JsonSerializer.Serialize(new
            {
                grantId = f.GrantId, tool = new { id = f.ToolId, name = f.ToolName }, employee = f.EmployeeEmail, department = f.Department,
                requestedAt = f.RequestedAt, grantedAt = g.At, expiresAt = g.ExpiresAt == DateTimeOffset.MaxValue ? (DateTimeOffset?)null : g.ExpiresAt,
                required = f.Required, completions = f.Completions, agreement = f.Agreement is { } s ? new { title = f.Required.AgreementTitle, s.By, s.At, s.TextSha256, text = requirements.AgreementFor(s.TextSha256)?.Text } : null,
                departmentHead = f.DepartmentHead, grantedBy = f.Grantor, status = after.Status,
            }, Indented)));

    private static readonly JsonSerializerOptions Indented = new(WorkflowJson.Options) { WriteIndented = true };
}

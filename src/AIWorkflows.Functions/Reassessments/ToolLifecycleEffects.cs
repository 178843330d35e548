using System.Text.Json;
using AIWorkflows.App.Effects;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Mail;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;

namespace AIWorkflows.App.Reassessments;

/// <summary>What a tool's events cause outside the store: timers, emails, register line, records.</summary>
public sealed class ToolLifecycleEffects(ToolLifecycleMail mail)
{
    public const string Workflow = "tool";

    public IEnumerable<PendingEffect> For(
        string toolId, ToolLifecycle before, ToolLifecycle after, IReadOnlyList<StoredEvent<ToolLifecycleEvent>> events)
    {
        var p = after.ProfileOrNull;
        if (p is null || events.Count == 0) yield break;
        var s = after as ToolLifecycle.InService;
        foreach (var (seq, _, e) in events)
        {
            switch (e)
            {
                case ReassessmentOpened when s?.Open is { } o:
                    yield return Mail($"{seq}-mail-owner", mail.AttestationRequested($"{toolId}-{seq}-attest", p, o, e.At));
                    yield return Mail($"{seq}-mail-officer", mail.OfficerNotified($"{toolId}-{seq}-opened", p, o, e.At));
                    break;
                case Attested a when s?.Open is { } o:
                    yield return Mail($"{seq}-mail-officer", mail.ReviewRequested($"{toolId}-{seq}-review", p, o, a.Attestation, a.OfficerTaskId));
                    break;
                case ReassessmentEscalated when s?.Open is { } o:
                    yield return Mail($"{seq}-mail-escalation", mail.Overdue($"{toolId}-{seq}-overdue", p, o, e.At));
                    break;
                case ReassessmentCompleted c:
                    yield return Archive(seq, "reassessment", $"{toolId}.reassessment-{c.Cycle}", $"Re-assessment {c.Cycle}: {p.Name} ({Words(c.Outcome)})",
                        p, c.At, new { tool = p, cycle = c.Cycle, attestation = (before as ToolLifecycle.InService)?.Open?.Attestation, decision = c });
                    break;
                case ToolSuspended x:
                    foreach (var to in new[] { p.OwnerEmail, mail.Officer }.Distinct())
                        yield return Mail($"{seq}-mail-{to}", mail.StatusChanged($"{toolId}-{seq}-{to}", to, p, "is suspended", x.Detail, x.At));
                    break;
                case ToolReinstated:
                    yield return Mail($"{seq}-mail-owner", mail.StatusChanged($"{toolId}-{seq}-reinstated", p.OwnerEmail, p, "is reinstated", "The re-assessment is complete.", e.At));
                    break;
                case PromotedToProduction x:
                    yield return Mail($"{seq}-mail-owner", mail.StatusChanged($"{toolId}-{seq}-production", p.OwnerEmail, p, "is in production",
                        $"Its production request {x.Profile.RequestId} is approved; the pilot's entry in the register now shows it in production.", x.At));
                    break;
                case ToolRetired r:
                    yield return Mail($"{seq}-mail-owner", mail.StatusChanged($"{toolId}-{seq}-retired", p.OwnerEmail, p, "is retired", r.Reason, r.At));
                    // Records whose retention runs from the tool's retirement start their clock now.
                    yield return Records.RecordToolEventEffectHandler.ToolRetired($"{seq}-records-retired", toolId, r.At);
                    break;
                case IncidentHeldForTriage h:
                    yield return Mail($"{seq}-mail-triage", mail.TriageRequested($"{toolId}-{seq}-triage", p, h));
                    break;
                // A dismissed report is kept as a record too (a confirmed one is, as reported, below).
                case IncidentTriaged { Confirmed: false } t when s?.Incidents.FirstOrDefault(n => n.IncidentId == t.IncidentId) is { } dismissed:
                    yield return Archive(seq, "incident", $"{toolId}.{t.IncidentId}", $"Incident {t.IncidentId} ({dismissed.Severity}, dismissed): {p.Name}", p, t.At,
                        new { incident = dismissed, triage = t });
                    break;
                // Sacramento VI.A.6: the roles the pack names for the incident's kind (the ISO, for cybersecurity).
                case IncidentRolesNotified n:
                    foreach (var to in n.Roles.Select(mail.RoleEmail).Distinct(StringComparer.OrdinalIgnoreCase))
                        yield return Mail($"{seq}-mail-kind-{to}", mail.IncidentKindNotice($"{toolId}-{seq}-kind-{to}", to, p, n));
                    break;
                case IncidentReported i:
                    // Sacramento VII.B: the reporter's supervisor and the CIO are told; the AI officer coordinates the review (V.C.3).
                    var confirmed = events.Any(x => x.Event is IncidentTriaged { Confirmed: true } t && t.IncidentId == i.IncidentId);
                    foreach (var to in new[] { i.SupervisorEmail ?? mail.Supervisor, mail.Cio, mail.Officer }.Distinct(StringComparer.OrdinalIgnoreCase))
                        yield return Mail($"{seq}-mail-{to}", mail.IncidentReported($"{toolId}-{seq}-{to}", to, p, i.IncidentId, i.Severity, i.ReporterEmail, i.Description, i.Severe, i.At, confirmed));
                    yield return Archive(seq, "incident", $"{toolId}.{i.IncidentId}", $"Incident {i.IncidentId} ({i.Severity}): {p.Name}", p, i.At, i);
                    break;
            }
        }
        // Sacramento VI.B: only tools one is authorized for; the tool's access grants follow its suspension, reinstatement or retirement.
        if (events.Any(x => x.Event is ToolSuspended or ToolReinstated or ToolRetired))
            yield return AccessGrants.ToolStatusFanOut.Create(events[^1].Seq, toolId, after.Status);
        if (InventoryEntry.From(after, events[^1].Seq) is { } entry)
            yield return InventoryEffectHandler.Create(events[^1].Seq, entry);
    }

    private static string Words(ReassessmentOutcome o) => o switch
    {
        ReassessmentOutcome.Continue => "continues",
        ReassessmentOutcome.Suspend => "suspended",
        _ => "retired",
    };

    private static PendingEffect Mail(string id, MailMessage message) =>
        new(id.ToLowerInvariant(), MailEffectHandler.KindName, JsonSerializer.Serialize(message));

    private static PendingEffect Archive(long seq, string recordClass, string recordId, string title, ToolProfile p, DateTimeOffset at, object content) =>
        ArchiveEffectHandler.Create($"{seq}-archive-{recordClass}", new ArchiveEffectHandler.Payload(
            recordId, recordClass, title, p.ToolId, p.RequestId, p.Department, at,
            JsonSerializer.Serialize(content, Indented)));

    private static readonly JsonSerializerOptions Indented = new(WorkflowJson.Options) { WriteIndented = true };
}

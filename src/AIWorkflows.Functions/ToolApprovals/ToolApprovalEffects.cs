using System.Text.Json;
using AIWorkflows.App.Effects;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Mail;
using AIWorkflows.App.Records;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Domain.UnionNotices;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// What must happen outside the store after a request's events are committed: the emails, the
/// deadline timers and the records. Derived from the events alone, committed with them in the
/// outbox, so nothing is lost if the process dies before they are carried out.
/// </summary>
public sealed class ToolApprovalEffects(ToolApprovalMail mail, LinkTokens tokens)
{
    public const string Workflow = "tool-approval";

    public IEnumerable<PendingEffect> For(
        string instanceId, ToolApproval before, ToolApproval after, IReadOnlyList<StoredEvent<ToolApprovalEvent>> events)
    {
        var c = after.CaseOrNull;
        if (c is null) yield break;
        foreach (var (seq, _, e) in events)
        {
            switch (e)
            {
                case Submitted:
                    yield return Mail($"{seq}-mail-requester", mail.Received($"{instanceId}-{seq}-received", c, RespondToken(c, e.At)));
                    yield return RecordEffects.Submission(seq, instanceId);
                    if (PlannedLine(c, seq) is { } planned) yield return planned;
                    break;
                case Resubmitted when PlannedLine(c, seq) is { } replanned:
                    yield return replanned; // the register shows the tool as it is now asked for
                    break;
                case ReviewOpened o when c.Task(o.TaskId) is { } t:
                    yield return Mail($"{seq}-mail-{t.TaskId}", mail.ReviewRequested($"{instanceId}-{seq}-{t.TaskId}", c, t, TaskToken(c, t), reminder: false));
                    break;
                // Albuquerque 1.2: a privacy impact assessment's outcome is kept as its own record class.
                case ReviewRecorded r when c.Task(r.TaskId) is { RecordClass: not null } t:
                    yield return RecordEffects.Review(seq, instanceId, t.TaskId);
                    break;
                case ReviewReminded r when c.Task(r.TaskId) is { } t:
                    yield return Mail($"{seq}-mail-{t.TaskId}", mail.ReviewRequested($"{instanceId}-{seq}-{t.TaskId}", c, t, TaskToken(c, t), reminder: true));
                    break;
                case ReviewEscalated x when c.Task(x.TaskId) is { } t:
                    yield return Mail($"{seq}-mail-escalation", mail.Escalated($"{instanceId}-{seq}-escalation", c, t, x.At));
                    break;
                case RemediationRequested r:
                    var finding = new Finding(r.TaskId, r.Role, r.Findings, r.At);
                    yield return Mail($"{seq}-mail-requester", mail.RemediationRequested($"{instanceId}-{seq}-remediation", c, finding, RespondToken(c, r.At)));
                    break;
                // Albuquerque 4.2: the authority the pack names hears of an unresolved finding.
                case FindingEscalated f when after is ToolApproval.InRemediation r && r.Findings.FirstOrDefault(x => x.TaskId == f.TaskId) is { } unresolved:
                    yield return Mail($"{seq}-mail-finding-escalated", mail.FindingEscalated($"{instanceId}-{seq}-finding-escalated", c, unresolved, f));
                    break;
                // Sacramento VI.A.7: roll-out waits on notice to the affected employee organizations (their own workflow).
                case UnionNoticeRequired u:
                    // Starts the notice's orchestration (a plain send to an instance that does not exist decides nothing). Its first
                    // step only notices (no clearance comes back in it), so waiting for its answer here cannot wait on this step.
                    yield return CommandEffectHandler.Create<UnionNoticeCommand>($"{seq}-union-notice", UnionNoticeEffects.Workflow, u.NoticeId,
                        UnionNoticeEffects.Start(c, u.Organizations, null, u.At), WorkflowJson.Options, isNew: true);
                    break;
                // Sacramento VI.A.7 (MMBA emergency): adopted first; notice follows at the earliest practicable time.
                case EmergencyAdoption x:
                    yield return CommandEffectHandler.Create<UnionNoticeCommand>($"{seq}-union-notice", UnionNoticeEffects.Workflow, x.NoticeId,
                        UnionNoticeEffects.Start(c, x.Organizations, x.Justification, x.At), WorkflowJson.Options, isNew: true);
                    break;
                case RequestWithdrawn w:
                    if (before is ToolApproval.AwaitingUnion)
                        yield return CommandEffectHandler.Create<UnionNoticeCommand>($"{seq}-union-withdraw", UnionNoticeEffects.Workflow,
                            UnionGate.NoticeId(c.RequestId), new UnionNoticeCommand.Withdraw(w.By, w.Reason, w.At), WorkflowJson.Options);
                    if (c.Form.PilotToolId is null) yield return ClosedLine(c, seq, w.At);
                    break;
                case RequestApproved or RequestRejected:
                    if (e is RequestRejected && c.Form.PilotToolId is null) yield return ClosedLine(c, seq, e.At);
                    yield return Mail($"{seq}-mail-requester", mail.Outcome($"{instanceId}-{seq}-outcome", after));
                    yield return RecordEffects.Decision(seq, instanceId);
                    if (after is ToolApproval.Approved approved)
                        yield return CommandEffectHandler.Create<ToolLifecycleCommand>($"{seq}-register", ToolLifecycleEffects.Workflow, c.ToolId,
                            new ToolLifecycleCommand.Register(Profile(approved), null, approved.At), WorkflowJson.Options,
                            isNew: c.Form.PilotToolId is null); // a pilot promoted to production keeps its register entry
                    break;
            }
        }
    }

    /// <summary>What the register keeps of an approved request (Albuquerque 6.2: the inventory of tools in use).</summary>
    private static ToolProfile Profile(ToolApproval.Approved a)
    {
        var (c, f) = (a.Case, a.Case.Form);
        return new ToolProfile(c.ToolId, c.RequestId, f.ToolName, f.Vendor, f.Department, f.Purpose, f.HumanOversight, f.DataCategories,
            f.PublicFacing, f.GenerativeAi, f.DecisionImpact, f.Stage, c.Tier, f.RequesterEmail,
            [.. c.Disclosures.Select(d => $"{d.Text} ({d.Source})")], a.Conditions, "approval", null);
    }

    // Albuquerque 6.2: a request under review is a planned tool in the register. A pilot's production request is not:
    // the pilot keeps its own line meanwhile.
    private static PendingEffect? PlannedLine(RequestCase c, long seq) =>
        c.Form.PilotToolId is null ? InventoryEffectHandler.Create(seq, PlannedTools.Entry(c, seq)) : null;

    // Albuquerque 6.2: a rejected or withdrawn request is no longer a planned tool.
    private static PendingEffect ClosedLine(RequestCase c, long seq, DateTimeOffset at) =>
        InventoryEffectHandler.Create(seq, PlannedTools.ClosedEntry(c.ToolId, at, seq));

    private string TaskToken(RequestCase c, ReviewTask t) => tokens.Task(c.RequestId, t);

    private string RespondToken(RequestCase c, DateTimeOffset from) => tokens.Requester(c.RequestId, c.Form.RequesterEmail, from);

    private static PendingEffect Mail(string id, MailMessage message) =>
        new(id, MailEffectHandler.KindName, JsonSerializer.Serialize(message));
}

using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Tests.Policy;
using AIWorkflows.Domain.Tests.ToolApprovals;
using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>
/// What can happen to a tool request: submissions of a lowest-tier form, a form whose tier puts two
/// reviewers side by side, and (where the pack has a union policy) forms affecting working conditions,
/// with and without the emergency path; then each open task's four verdicts and two timers, the
/// requester's resubmission and withdrawal, an unresolved finding's escalation (where the pack names one), and the
/// union notice clearing.
/// </summary>
internal static class ToolApprovalCatalog
{
    public static WorkflowDiagram Diagram { get; } = new(
        "tool-approvals", "Tool approvals", nameof(ToolApprovalDecider), "ToolApprovals/ToolApproval.cs",
        typeof(ToolApproval), typeof(ToolApprovalEvent), Explore);

    private static StateGraph Explore(PolicyPack pack) => StateExplorer.Explore(
        new Exploration<ToolApprovalCommand, ToolApproval, ToolApprovalEvent>(
            new ToolApprovalDecider(pack, ShippedPacks.Calendar(pack)), (s, now) => Commands(pack, s, now), c => c.Now, s => s.Status,
            TestPack.Now, MaxDepth: 5));

    private static IEnumerable<ToolRequestForm> Forms(PolicyPack pack)
    {
        var plain = PolicyFixtures.PlainForm(pack.Departments[0].Name).WithQuietAnswers(pack);
        yield return plain;
        // Generative AI is medium in every shipped pack: a director first, then two reviewers at once.
        yield return plain with { GenerativeAi = true };
        if (pack.Union is not { } union) yield break;
        var affecting = plain with { AffectsWorkingConditions = true, AffectedClassifications = [union.Organizations[0].Classifications[0]] };
        yield return affecting;
        yield return affecting with { EmergencyAdoption = true, EmergencyJustification = "Storm response" };
    }

    private static IEnumerable<ToolApprovalCommand> Commands(PolicyPack pack, ToolApproval state, DateTimeOffset now)
    {
        if (state.CaseOrNull is not { } c)
        {
            foreach (var form in Forms(pack)) yield return new Submit("req-1", "tool-1", form, now);
            yield break;
        }
        foreach (var task in c.Tasks.Where(t => t.IsOpen))
        {
            foreach (var verdict in Enum.GetValues<Verdict>()) yield return new RecordReview(task.TaskId, task.ReviewerEmail, verdict, "Reviewed", now);
            yield return new ReviewDeadline(task.TaskId, DeadlineKind.Reminder, task.RemindAt, ShippedPacks.Later(now, task.RemindAt));
            yield return new ReviewDeadline(task.TaskId, DeadlineKind.Escalation, task.EscalateAt, ShippedPacks.Later(now, task.EscalateAt));
        }
        // Albuquerque 4.2: an unresolved finding escalates on its timer or at its reviewer's request.
        if (state is ToolApproval.InRemediation r)
            foreach (var f in r.Findings.Where(f => !f.Escalated))
            {
                if (f.EscalateAt is { } at) yield return new ReviewDeadline(f.TaskId, DeadlineKind.FindingEscalation, at, ShippedPacks.Later(now, at));
                yield return new EscalateFinding(f.TaskId, c.Task(f.TaskId)!.ReviewerEmail, "Unresolved", now);
            }
        // Sacramento VI.A.5: one file is enough to show the step; more would only repeat it.
        if (c.DocumentsOrEmpty.Count == 0)
            yield return new AttachDocument(new AttachedDocument("tool-1.documentation-0", "Model card", "card.pdf", "00", 1, c.Form.RequesterEmail), now);
        yield return new Resubmit(c.Form.RequesterEmail, "Done as asked", null, now);
        yield return new Withdraw(c.Form.RequesterEmail, "No longer needed", now);
        yield return new UnionCleared(UnionGate.NoticeId(c.RequestId), now);
    }
}

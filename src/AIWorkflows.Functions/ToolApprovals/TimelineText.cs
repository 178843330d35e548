using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Deciding;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>Stored events in words a requester or a records officer reads.</summary>
public static class TimelineText
{
    /// <param name="insider">False: no person is named, a reviewer by role, and no one's words are quoted (<see cref="RequestAudience"/>).</param>
    public static TimelineEntry Describe(StoredEvent<ToolApprovalEvent> stored, PolicyPack pack, bool insider = true)
    {
        string Role(string id) => pack.Roles.FirstOrDefault(r => r.Id == id)?.Title ?? id;
        var e = stored.Event;
        var (type, summary) = e switch
        {
            Submitted s => ("submitted", !insider ? $"Submitted; rated {s.Tier} risk."
                : $"Submitted by {(s.Form.OnBehalf ? $"{s.Form.SubmittedBy} on behalf of {s.Form.RequesterEmail}" : s.Form.RequesterEmail)}; rated {s.Tier} risk."),
            StageOpened s => ("stage_opened", $"Review stage {s.Stage} opened."),
            ReviewOpened o => ("review_opened", $"{Role(o.Role)} review assigned to {(insider ? o.ReviewerEmail : $"the {Role(o.Role)}")}."),
            ReviewRecorded r => ("review_recorded", insider ? $"{Role(r.Role)} ({r.By}) decided: {Verb(r.Verdict)}." : $"{Role(r.Role)} decided: {Verb(r.Verdict)}."),
            ReviewReminded r => ("review_reminded", $"{Role(r.Role)} reminded."),
            ReviewEscalated x => ("review_escalated", $"{Role(x.Role)} review overdue; escalated to the {Role(x.EscalatedToRole)}."),
            ReviewRescheduled => ("review_rescheduled", "Review deadlines restarted after resubmission."),
            RemediationRequested r => ("remediation_requested", $"{Role(r.Role)} asked for changes."),
            FindingEscalated f => ("finding_escalated", $"{Role(f.Role)}'s finding, unresolved, escalated to the {Role(f.EscalatedToRole)}{(f.Automatic ? " after the policy's period" : " by the reviewer")} (Albuquerque 4.2)."),
            Resubmitted r => ("resubmitted", $"Resubmitted{(insider ? $" by {r.By}" : "")} (round {r.Round}); rated {r.Tier} risk."),
            UnionNoticeRequired u => ("union_notice_required", $"Approved by every reviewer; roll-out waits on notice to {u.Organizations.Count} employee organization(s) (Sacramento VI.A.7)."),
            EmergencyAdoption x => ("emergency_adoption", $"Adopted on the emergency path; notice to {x.Organizations.Count} employee organization(s) follows.{(insider ? $" Justification: {x.Justification}" : "")}"),
            RequestApproved a => ("approved", a.Conditions.Count == 0 ? "Approved." : $"Approved with {a.Conditions.Count} condition(s)."),
            RequestRejected r => ("rejected", $"Rejected by the {Role(r.Role)}."),
            RequestWithdrawn w => ("withdrawn", insider ? $"Withdrawn by {w.By}." : "Withdrawn."),
            DocumentAttached d => ("document_attached", insider ? $"Technical documentation added by {d.Document.By}: {d.Document.Title} ({d.Document.FileName})." : "Technical documentation added."),
            _ => (e.GetType().Name, e.GetType().Name),
        };
        return new TimelineEntry(stored.Seq, e.At, type, summary);
    }

    public static string Verb(Verdict v) => v switch
    {
        Verdict.Approve => "approve",
        Verdict.ApproveWithConditions => "approve with conditions",
        Verdict.RequestRemediation => "request remediation",
        _ => "reject",
    };
}

using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;

namespace AIWorkflows.Domain.Reassessments;

public sealed partial class ToolLifecycleDecider
{
    // Sacramento VI.A.6: the ISO oversees the cybersecurity of AI systems, so a report of a cybersecurity
    // incident reaches the roles the pack names for its kind when it is made, even from someone not signed
    // in: a possible breach is worth hearing of before the AI officer's triage. Nothing else changes before
    // triage (no suspension); the same roles then hear whether the report was confirmed or dismissed.
    private IEnumerable<ToolLifecycleEvent> NotifyKind(ReportIncident i, string status) =>
        pack.IncidentKind(i.Kind) is { Notify.Count: > 0 } kind
            ? [new IncidentRolesNotified(i.IncidentId, kind.Id, kind.Notify, status, i.Severity, i.ReporterEmail, i.Description, i.Now)]
            : [];
}

using static AIWorkflows.Domain.Reassessments.ToolLifecycle;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;

namespace AIWorkflows.Domain.Reassessments;

public sealed partial class ToolLifecycleDecider
{
    public ToolLifecycle Evolve(ToolLifecycle state, ToolLifecycleEvent happened) => (state, happened) switch
    {
        (None, Registered e) => new InService(e.Profile, e.At, new ReviewSchedule(0, e.At, e.At, e.At, e.At), null, null, null, []),
        (InService s, ReassessmentScheduled e) => s with { Schedule = e.Schedule },
        (InService s, ReassessmentOpened e) => s with { Open = new OpenReassessment(e.Cycle, e.Reason, e.At, e.DueAt, e.OwnerTaskId, null, null, false) },
        (InService { Open: { } o } s, Attested e) => s with { Open = o with { Attestation = e.Attestation, OfficerTaskId = e.OfficerTaskId } },
        (InService { Open: { } o } s, ReassessmentEscalated) => s with { Open = o with { Escalated = true } },
        (InService s, ReassessmentCompleted e) => s with { Open = null, LastReviewedAt = e.At },
        (InService s, TierChanged e) => s with { Profile = s.Profile with { Tier = e.To } },
        (InService s, ToolSuspended e) => s with { Suspension = new Suspension(e.Reason, e.Detail, e.At) },
        (InService s, ToolReinstated) => s with { Suspension = null },
        // A confirmed report is on the record already (held for triage): it is not listed twice.
        (InService s, IncidentReported e) when s.Incidents.Any(n => n.IncidentId == e.IncidentId) => s,
        (InService s, IncidentReported e) => s with { Incidents = s.Incidents.Add(new IncidentNote(e.IncidentId, e.Severity, e.At, Kind: e.Kind)) },
        (InService s, IncidentHeldForTriage e) => s with
        {
            Incidents = s.Incidents.Add(new IncidentNote(e.IncidentId, e.Severity, e.At, new IncidentTriage(e.TaskId, e.ReporterEmail, e.SupervisorEmail, e.Description), e.Kind)),
        },
        (InService s, IncidentTriaged e) => s with
        {
            Incidents = [.. s.Incidents.Select(n => n.IncidentId == e.IncidentId && n.Triage is { } t
                ? n with { Triage = t with { Confirmed = e.Confirmed, By = e.By, Comments = e.Comments, DecidedAt = e.At } }
                : n)],
        },
        (InService s, PromotedToProduction e) => s with { Profile = e.Profile, LastReviewedAt = e.At },
        (InService s, ImpactClassified e) => s with { Profile = s.Profile with { WorkingConditionsImpact = e.Impact } },
        (InService s, ToolRetired e) => new Retired(s.Profile, s.RegisteredAt, e.By, e.Reason, e.At, s.LastReviewedAt),
        _ => state,
    };
}

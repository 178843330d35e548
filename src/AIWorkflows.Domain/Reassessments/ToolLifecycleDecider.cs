using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.Reassessments.ToolLifecycle;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;

namespace AIWorkflows.Domain.Reassessments;

public sealed partial class ToolLifecycleDecider(PolicyPack pack) : IDecider<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent>
{
    // City default: an out-of-cycle review (severe incident) is due two weeks after it opens, and a
    // minor incident brings the next review at least this close.
    public static readonly TimeSpan OutOfCycleDue = TimeSpan.FromDays(14);
    public static readonly TimeSpan IncidentReviewWithin = TimeSpan.FromDays(30);

    public ToolLifecycle Initial { get; } = new None();

    public static bool IsSevere(string severity) => severity is "high" or "critical";

    public IReadOnlyList<ToolLifecycleEvent> Decide(ToolLifecycleCommand command, ToolLifecycle state) => (command, state) switch
    {
        (Register r, None) when pack.Tiers.Any(t => t.Id == r.Profile.Tier) =>
        [
            new Registered(r.Profile, r.Now),
            new ReassessmentScheduled(Schedule(1, r.Profile.Tier, r.Now, r.FirstDueAt), r.FirstDueAt is null ? "first review by the tier's cadence" : "first review after registration", r.Now),
        ],
        // Albuquerque 2.2: a pilot is revised by its findings; its production request, once approved,
        // moves the same tool into production rather than listing a second one.
        (Register r, InService s) when IsPromotion(r.Profile, s.Profile) && pack.Tiers.Any(t => t.Id == r.Profile.Tier) => Promote(r, s),
        (Deadline d, InService s) => OnDeadline(d, s),
        (Attest a, InService { Open: { Attestation: null } o } s) when a.TaskId == o.OwnerTaskId && SameEmail(a.By, s.Profile.OwnerEmail) =>
            [new Attested(o.Cycle, new Attestation(a.By, a.Use, a.DataChanges, a.IncidentsSince, a.Now), $"review-{o.Cycle}", a.Now)],
        (CompleteReassessment c, InService { Open: { Attestation: not null } o } s)
            when c.TaskId == o.OfficerTaskId && (c.NewTier is null || pack.Tiers.Any(t => t.Id == c.NewTier)) => Complete(c, s, o),
        // Sacramento VII.B asks employees to report malfunctions; it does not let a caller who is not signed in
        // stop a city service: such a report is held until the AI officer confirms it (then the rule below applies).
        (ReportIncident { SignedIn: false } i, InService s) when s.Incidents.All(n => n.IncidentId != i.IncidentId) =>
            [new IncidentHeldForTriage(i.IncidentId, i.ReporterEmail, i.SupervisorEmail, i.Severity, i.Description, TriageTaskId(i.IncidentId), i.Now, i.Kind),
             .. NotifyKind(i, "awaiting_triage")],
        (ReportIncident { SignedIn: false }, _) => [],   // a retired tool is out of use: nothing for the officer to triage
        (ReportIncident i, InService s) => [.. Incident(i, s), .. NotifyKind(i, "reported")],
        (ReportIncident i, Retired) =>
            [new IncidentReported(i.IncidentId, i.ReporterEmail, i.SupervisorEmail, i.Severity, i.Description, IsSevere(i.Severity), i.Now, i.Kind), .. NotifyKind(i, "reported")],
        (TriageIncident t, InService s) when AwaitingTriage(s, t) is { Triage: { } held } note => Triage(t, s, note, held),
        (Retire r, InService) => [new ToolRetired(r.By, r.Reason, r.Now)],
        // Sacramento VI.A.7: an unknown impact is classified once; the answer for a tool whose request gave it stands.
        (ClassifyImpact c, InService { Profile.ImpactIsUnknown: true }) when c.Impact is "yes" or "no" => [new ImpactClassified(c.Impact, c.By, c.Now)],
        _ => [],
    };

    /// <summary>
    /// One clock at a time, as the cycle runs: the reminder that opens the review, then the escalation
    /// once it is open, then the suspension once escalated (a tool already suspended waits on no suspension).
    /// </summary>
    public IReadOnlyList<Deadline<ToolLifecycleCommand>> Deadlines(ToolLifecycle state) => state switch
    {
        InService { Open: null, Schedule: var sc } => [At(LifecycleDeadline.Open, sc.Cycle, sc.OpenAt)],
        InService { Open: { Escalated: false } o, Schedule: var sc } when o.Cycle == sc.Cycle => [At(LifecycleDeadline.Escalate, sc.Cycle, sc.EscalateAt)],
        InService { Open: { Escalated: true } o, Suspension: null, Schedule: var sc } when o.Cycle == sc.Cycle => [At(LifecycleDeadline.Suspend, sc.Cycle, sc.SuspendAt)],
        _ => [],
    };

    private static Deadline<ToolLifecycleCommand> At(LifecycleDeadline kind, int cycle, DateTimeOffset due) => new(due, new Deadline(kind, cycle, due, due));

    // Albuquerque 4.3: systems with higher risk profiles are reviewed more frequently; the pack
    // sets each tier's cadence and how far ahead the reminder, escalation and suspension fall.
    public ReviewSchedule Schedule(int cycle, string tier, DateTimeOffset from, DateTimeOffset? dueAt = null)
    {
        var p = pack.Tier(tier).Reassessment;
        var due = dueAt ?? from.AddMonths(p.EveryMonths);
        var open = due.AddDays(-p.ReminderDaysBefore);
        return new ReviewSchedule(cycle, open < from ? from : open, due, due.AddDays(p.EscalateDaysOverdue), due.AddDays(p.SuspendDaysOverdue));
    }

    private static List<ToolLifecycleEvent> OnDeadline(Deadline d, InService s)
    {
        var sc = s.Schedule;
        if (d.Cycle != sc.Cycle) return [];
        return d.Kind switch
        {
            LifecycleDeadline.Open when s.Open is null && d.DueAt == sc.OpenAt =>
                [new ReassessmentOpened(sc.Cycle, "scheduled", $"attest-{sc.Cycle}", s.Profile.OwnerEmail, sc.DueAt, d.Now)],
            LifecycleDeadline.Escalate when s.Open is { Escalated: false } o && o.Cycle == sc.Cycle && d.DueAt == sc.EscalateAt =>
                [new ReassessmentEscalated(sc.Cycle, sc.DueAt, d.Now)],
            LifecycleDeadline.Suspend when s.Open is { } o && o.Cycle == sc.Cycle && s.Suspension is null && d.DueAt == sc.SuspendAt =>
                [new ToolSuspended("overdue", $"Re-assessment {sc.Cycle} was due {sc.DueAt:yyyy-MM-dd} and is not complete.", d.Now)],
            _ => [],
        };
    }

    private List<ToolLifecycleEvent> Complete(CompleteReassessment c, InService s, OpenReassessment o)
    {
        var tier = c.NewTier ?? s.Profile.Tier;
        List<ToolLifecycleEvent> events = [new ReassessmentCompleted(o.Cycle, c.By, c.Outcome, tier, c.Comments, c.Now)];
        if (tier != s.Profile.Tier) events.Add(new TierChanged(s.Profile.Tier, tier, c.Now));
        switch (c.Outcome)
        {
            case ReassessmentOutcome.Retire:
                events.Add(new ToolRetired(c.By, c.Comments, c.Now));
                return events;
            case ReassessmentOutcome.Suspend when s.Suspension is null:
                events.Add(new ToolSuspended("officer", c.Comments, c.Now));
                break;
            case ReassessmentOutcome.Continue when s.Suspension is not null:
                events.Add(new ToolReinstated(c.Now));
                break;
        }
        events.Add(new ReassessmentScheduled(Schedule(o.Cycle + 1, tier, c.Now), "next review by the tier's cadence", c.Now));
        return events;
    }

    // Sacramento VII.B: malfunctions are reported and acted on; a severe one stops use at once and
    // opens an out-of-cycle re-assessment, a minor one brings the next review closer.
    private List<ToolLifecycleEvent> Incident(ReportIncident i, InService s)
    {
        var severe = IsSevere(i.Severity);
        List<ToolLifecycleEvent> events = [new IncidentReported(i.IncidentId, i.ReporterEmail, i.SupervisorEmail, i.Severity, i.Description, severe, i.Now, i.Kind)];
        if (severe && s.Suspension is null)
            events.Add(new ToolSuspended("incident", $"Incident {i.IncidentId} ({i.Severity}): {i.Description}", i.Now));
        if (s.Open is not null) return events;
        var cycle = s.Schedule.Cycle + 1;
        if (severe)
        {
            var schedule = Schedule(cycle, s.Profile.Tier, i.Now, i.Now + OutOfCycleDue) with { OpenAt = i.Now };
            events.Add(new ReassessmentScheduled(schedule, $"incident {i.IncidentId}", i.Now));
            events.Add(new ReassessmentOpened(cycle, $"incident {i.IncidentId}", $"attest-{cycle}", s.Profile.OwnerEmail, schedule.DueAt, i.Now));
        }
        else if (i.Now + IncidentReviewWithin < s.Schedule.DueAt)
        {
            events.Add(new ReassessmentScheduled(Schedule(cycle, s.Profile.Tier, i.Now, i.Now + IncidentReviewWithin), $"incident {i.IncidentId}", i.Now));
        }
        return events;
    }

    public static string TriageTaskId(string incidentId) => $"triage-{incidentId}";

    private static IncidentNote? AwaitingTriage(InService s, TriageIncident t) =>
        s.Incidents.FirstOrDefault(n => n.IncidentId == t.IncidentId && n.Triage is { Confirmed: null } held && held.TaskId == t.TaskId);

    // Sacramento VII.B, V.C.3: the AI officer coordinates the response. A confirmed report is acted on as if a
    // signed-in employee had made it, from the moment it is confirmed; a dismissed one changes nothing.
    private List<ToolLifecycleEvent> Triage(TriageIncident t, InService s, IncidentNote note, IncidentTriage held)
    {
        List<ToolLifecycleEvent> events = [new IncidentTriaged(t.IncidentId, t.By, t.Confirm, t.Comments, t.Now)];
        var report = new ReportIncident(note.IncidentId, held.ReporterEmail, held.SupervisorEmail, note.Severity, held.Description, SignedIn: true, t.Now, note.Kind);
        if (t.Confirm) events.AddRange(Incident(report, s));
        events.AddRange(NotifyKind(report, t.Confirm ? "confirmed" : "dismissed"));
        return events;
    }

    private static bool IsPromotion(ToolProfile approved, ToolProfile pilot) =>
        pilot.Stage == "pilot" && approved.Stage == "production" && approved.ToolId == pilot.ToolId && approved.RequestId != pilot.RequestId;

    // The production approval was a full review: it starts the next cycle by the approved tier,
    // unless a re-assessment is open (its completion schedules the next one, and may reinstate).
    private List<ToolLifecycleEvent> Promote(Register r, InService s)
    {
        List<ToolLifecycleEvent> events = [new PromotedToProduction(s.Profile.RequestId, r.Profile, r.Now)];
        if (s.Open is null)
            events.Add(new ReassessmentScheduled(Schedule(s.Schedule.Cycle + 1, r.Profile.Tier, r.Now), "first review in production", r.Now));
        return events;
    }

    private static bool SameEmail(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Domain.Tests.Reassessments;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>
/// What can happen to a tool in service: registration as a pilot or in production, the schedule's
/// three timers, the owner's attestation, each outcome of the officer's review (and a re-tiering),
/// a severe and a minor incident (from a signed-in reporter, and from someone not signed in, held for the
/// officer's triage, then confirmed or dismissed; one of a kind the pack names, Sacramento VI.A.6), retirement, a pilot's production approval; and a late
/// incident report about a retired tool.
/// </summary>
internal static class ToolLifecycleCatalog
{
    public static WorkflowDiagram Diagram { get; } = new(
        "reassessments", "Tools in service and re-assessments", nameof(ToolLifecycleDecider), "Reassessments/ToolLifecycle.cs",
        typeof(ToolLifecycle), typeof(ToolLifecycleEvent), Explore);

    private const string Officer = "ai.officer@city.example";

    private static StateGraph Explore(PolicyPack pack) => StateExplorer.Explore(
        new Exploration<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent>(
            new ToolLifecycleDecider(pack), (s, now) => Commands(pack, s, now), c => c.Now, s => s.Status,
            ToolLifecycleSpec.Now, MaxDepth: 5));

    private static IEnumerable<ToolLifecycleCommand> Commands(PolicyPack pack, ToolLifecycle state, DateTimeOffset now)
    {
        switch (state)
        {
            case ToolLifecycle.None:
                var profile = ToolLifecycleSpec.Profile(pack.Tiers[0].Id);
                yield return new Register(profile with { Stage = "pilot" }, null, now);
                yield return new Register(profile with { Stage = "production" }, null, now);
                // Sacramento VI.A.7: an import, whose impact on working conditions labor relations classifies.
                yield return new Register(profile with { Stage = "production", Origin = "import", WorkingConditionsImpact = ToolProfile.ImpactUnknown }, null, now);
                break;
            case ToolLifecycle.InService s:
                var sc = s.Schedule;
                yield return new Deadline(LifecycleDeadline.Open, sc.Cycle, sc.OpenAt, ShippedPacks.Later(now, sc.OpenAt));
                yield return new Deadline(LifecycleDeadline.Escalate, sc.Cycle, sc.EscalateAt, ShippedPacks.Later(now, sc.EscalateAt));
                yield return new Deadline(LifecycleDeadline.Suspend, sc.Cycle, sc.SuspendAt, ShippedPacks.Later(now, sc.SuspendAt));
                if (s.Open is { } open)
                {
                    yield return new Attest(open.OwnerTaskId, s.Profile.OwnerEmail, "Used daily", "none", "none", now);
                    if (open.OfficerTaskId is { } task)
                    {
                        foreach (var outcome in Enum.GetValues<ReassessmentOutcome>()) yield return new CompleteReassessment(task, Officer, outcome, null, "Reviewed", now);
                        var other = pack.Tiers.First(t => t.Id != s.Profile.Tier).Id;
                        yield return new CompleteReassessment(task, Officer, ReassessmentOutcome.Continue, other, "Re-tiered", now);
                    }
                }
                foreach (var severity in new[] { "high", "low" }) yield return Incident(s.Incidents.Count, severity, now);
                yield return Incident(s.Incidents.Count, "high", now) with { SignedIn = false };
                // Sacramento VI.A.6: a kind the pack names reaches its roles as reported, before triage.
                if (pack.IncidentKinds is [var kind, ..]) yield return Incident(s.Incidents.Count, "high", now) with { SignedIn = false, Kind = kind.Id };
                foreach (var held in s.Incidents.Where(n => n.Triage is { Confirmed: null }))
                    foreach (var confirm in new[] { true, false })
                        yield return new TriageIncident(held.IncidentId, held.Triage!.TaskId, Officer, confirm, "Triaged", now);
                if (s.Profile.ImpactIsUnknown) yield return new ClassifyImpact("no", "labor.relations@city.example", now);
                yield return new Retire(Officer, "Replaced", now);
                // The pilot's production request approved (Albuquerque 2.2).
                yield return new Register(s.Profile with { Stage = "production", RequestId = "req-production" }, null, now);
                break;
            case ToolLifecycle.Retired:
                yield return Incident(0, "high", now);
                break;
        }
    }

    private static ReportIncident Incident(int known, string severity, DateTimeOffset now) =>
        new($"inc-{known + 1}", "clerk@city.example", null, severity, "Wrong figures in a report", SignedIn: true, now);
}

using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Storage.Deciding;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;

namespace AIWorkflows.App.Reassessments;

public sealed partial class ToolLifecycleService
{
    private static ReassessmentOutcome? Outcome(string? value) => value switch
    {
        "continue" => ReassessmentOutcome.Continue,
        "suspend" => ReassessmentOutcome.Suspend,
        "retire" => ReassessmentOutcome.Retire,
        _ => null,
    };

    /// <summary>
    /// The very same answer posted again through a re-assessment link (a double click, or a retry after a commit
    /// that landed but whose answer was lost) is what the tool's history already records: it is answered as
    /// recorded, and records nothing. Checked on the state and history already read; null when anything differs.
    /// </summary>
    private static TaskAccess.Recorded? RecordedAlready(
        ToolLifecycle? state, IReadOnlyList<StoredEvent<ToolLifecycleEvent>> history, TaskTokenPayload? p, IReadOnlyDictionary<string, string?> form)
    {
        if (state?.ProfileOrNull is not { } profile || p is null) return null;
        string Value(string key) => form.GetValueOrDefault(key)?.Trim() ?? "";
        var events = history.Select(e => e.Event).ToList();

        // The owner's attestation: while its re-assessment is open the state holds it, afterwards only the history.
        var attestation = state is ToolLifecycle.InService { Open: { Attestation: { } held } o } && o.OwnerTaskId == p.TaskId
            ? held
            : events.OfType<ReassessmentOpened>().LastOrDefault(e => e.OwnerTaskId == p.TaskId) is { } opened
                ? events.OfType<Attested>().LastOrDefault(e => e.Cycle == opened.Cycle)?.Attestation
                : null;
        if (attestation is not null)
            return SameEmail(attestation.By, p.Subject) && attestation.Use == Value("use") && attestation.DataChanges == Value("dataChanges")
                && attestation.IncidentsSince == Value("incidentsSince") ? new TaskAccess.Recorded(profile, IsOfficerReview: false) : null;

        // The AI officer's review: the completion of the cycle whose attestation handed this link its task.
        if (events.OfType<Attested>().LastOrDefault(e => e.OfficerTaskId == p.TaskId) is not { } attested) return null;
        var at = events.FindLastIndex(e => e is ReassessmentCompleted c && c.Cycle == attested.Cycle);
        if (at < 0) return null;
        var completed = (ReassessmentCompleted)events[at];
        // An empty tier keeps the tier the tool had: the same answer only if the completion changed none.
        var tier = Value("tier");
        var sameTier = tier.Length == 0 ? !(at + 1 < events.Count && events[at + 1] is TierChanged { At: var changedAt } && changedAt == completed.At) : completed.Tier == tier;
        return SameEmail(completed.By, p.Subject) && completed.Outcome == Outcome(form.GetValueOrDefault("outcome"))
            && completed.Comments == Value("comments") && sameTier ? new TaskAccess.Recorded(profile, IsOfficerReview: true) : null;
    }

    private static bool SameEmail(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

using System.Collections.Immutable;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.Records.RecordCommand;
using static AIWorkflows.Domain.Records.RecordEvent;
using static AIWorkflows.Domain.Records.RecordRetention;

namespace AIWorkflows.Domain.Records;

/// <summary>Decides what a command does to a record. Refused commands decide nothing; <see cref="Refusal"/> says why.</summary>
public sealed class RecordRetentionDecider(PolicyPack pack) : IDecider<RecordCommand, RecordRetention, RecordEvent>
{
    public RecordRetention Initial { get; } = new None();

    public IReadOnlyList<RecordEvent> Decide(RecordCommand command, RecordRetention state) => (command, state) switch
    {
        (Register r, None) => Register(r),
        (StartRetention s, Kept k) when Starts(k.Clock, s.Trigger) => [Started(k.Clock, s.Trigger, s.StartedAt, s.Now)],
        (PlaceHold h, Kept k) when k.Holds.All(x => x.HoldId != h.HoldId) =>
            [new HoldPlaced(new LegalHold(h.HoldId, h.Reason, h.By, h.Scope, h.Now), h.Now)],
        // A hold placed during the review ends it: a record on hold is never disposed of.
        (PlaceHold h, InReview) => [new HoldPlaced(new LegalHold(h.HoldId, h.Reason, h.By, h.Scope, h.Now), h.Now)],
        (ReleaseHold r, Kept k) when k.Holds.Any(x => x.HoldId == r.HoldId) => Release(r, k),
        (RetentionDue t, Kept k) when t.DueAt == k.Clock.EndsAt && k.DeferredFor != t.DueAt => k.Holds.Count > 0
            ? [new DispositionDeferred(t.DueAt, [.. k.Holds.Select(h => h.HoldId)], t.Now)]
            : [new DispositionReviewOpened(t.DueAt, t.Now)],
        // Albuquerque 3.2: a record is destroyed only once the schedule's period is over, by a person who signs for it.
        (Dispose d, InReview r) when Refusal(d, state) is null =>
            [new RecordDisposed(d.By, d.Reason, r.Clock.Authority, CertificateId(r.Record), r.Record.Contents, d.Now)],
        (Extend x, Kept or InReview) when Refusal(x, state) is null =>
            [new RetentionExtended(state.ClockOrNull!.EndsAt!.Value, x.Until, x.By, x.Reason, x.Now)],
        _ => [], // a repeated registration, a start event that is not this class's, a stale timer: nothing to do
    };

    public RecordRetention Evolve(RecordRetention state, RecordEvent happened) => (state, happened) switch
    {
        (None, RecordRegistered e) => new Kept(e.Record, e.Clock, []),
        (Kept k, RetentionStarted e) => k with { Clock = k.Clock with { StartedAt = e.StartedAt, EndsAt = e.EndsAt } },
        (Kept k, HoldPlaced e) => k with { Holds = k.Holds.Add(e.Hold) },
        // Its review was open: the hold defers it, and the hold's release opens it again.
        (InReview r, HoldPlaced e) => new Kept(r.Record, r.Clock, [e.Hold], r.Clock.EndsAt),
        (Kept k, HoldReleased e) => k with { Holds = k.Holds.RemoveAll(h => h.HoldId == e.HoldId) },
        (Kept k, DispositionReviewOpened e) => new InReview(k.Record, k.Clock, e.At),
        (Kept k, DispositionDeferred e) => k with { DeferredFor = e.DueAt },
        (Kept k, RetentionExtended e) => k with { Clock = k.Clock with { EndsAt = e.NewEnd } },
        (InReview r, RetentionExtended e) => new Kept(r.Record, r.Clock with { EndsAt = e.NewEnd }, []),
        (InReview r, RecordDisposed e) => new Disposed(r.Record, r.Clock, new Disposal(e.By, e.Reason, e.Authority, e.CertificateId, e.At)),
        _ => state,
    };

    /// <summary>A disposed record is gone for good: nothing changes it again.</summary>
    public bool IsFinal(RecordRetention state) => state is Disposed;

    /// <summary>The end of retention, while the record waits for it (a review deferred by a hold waits for the hold's release instead).</summary>
    public IReadOnlyList<Deadline<RecordCommand>> Deadlines(RecordRetention state) => state switch
    {
        Kept { Clock.EndsAt: { } end } k when k.DeferredFor != end => [new Deadline<RecordCommand>(end, new RetentionDue(end, end))],
        _ => [],
    };

    /// <summary>Why a records officer's command would decide nothing, in words for the officer; null when it acts.</summary>
    public static string? Refusal(RecordCommand command, RecordRetention state) => (command, state) switch
    {
        (_, None) => "There is no such record.",
        (_, Disposed d) => $"The record was disposed of on {d.Disposal.At:yyyy-MM-dd}.",
        (Dispose, Kept { Holds.Count: > 0 } k) => $"The record is on legal hold ({string.Join("; ", k.Holds.Select(h => h.Reason))}); it cannot be disposed of.",
        (Dispose, Kept { Clock.Permanent: true }) => "The record is permanent; it is never disposed of.",
        (Dispose, Kept { Clock.EndsAt: null } k) => $"Its retention has not started: it starts when {k.Clock.StartsOn.Replace('_', ' ')}.",
        (Dispose, Kept k) => $"Its retention runs until {k.Clock.EndsAt:yyyy-MM-dd}; disposal is reviewed then.",
        (Extend, _) when state.ClockOrNull is { Permanent: true } => "The record is permanent; there is nothing to extend.",
        (Extend, _) when state.ClockOrNull is { EndsAt: null } c => $"Its retention has not started: it starts when {c.StartsOn.Replace('_', ' ')}.",
        (Extend x, _) when x.Until <= state.ClockOrNull!.EndsAt || x.Until <= x.Now =>
            $"Choose a date after the current end of retention ({state.ClockOrNull!.EndsAt:yyyy-MM-dd}) and after today.",
        (ReleaseHold r, _) when state.ActiveHolds.All(h => h.HoldId != r.HoldId) => "The record has no such hold.",
        _ => null,
    };

    /// <summary>The certificate is a record of the same tool, so it is found with the records it replaces.</summary>
    public static string CertificateId(RecordFacts record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"{record.ToolId}.certificate-{record.RecordId[(record.ToolId.Length + 1)..]}";
    }

    private List<RecordEvent> Register(Register r)
    {
        var rc = pack.RetentionClass(r.Record.RecordClass);
        // Albuquerque 3.2: the period comes from the schedule; a "created" clock starts with the record.
        var startsNow = !rc.Permanent && rc.StartsOn == RetentionTriggers.Created;
        var clock = new RetentionClock(rc.Title, rc.Years, rc.Permanent, rc.StartsOn, rc.Source,
            startsNow ? r.Record.CreatedAt : null, startsNow ? End(r.Record.CreatedAt, rc.Years) : null);
        return [new RecordRegistered(r.Record, clock, r.Now)];
    }

    private static List<RecordEvent> Release(ReleaseHold r, Kept k)
    {
        List<RecordEvent> events = [new HoldReleased(r.HoldId, r.By, r.Reason, r.Now)];
        // The last hold lifted after retention ended: the deferred review opens now.
        if (k.Holds.Count == 1 && k.Clock.EndsAt is { } end && end <= r.Now)
            events.Add(new DispositionReviewOpened(end, r.Now));
        return events;
    }

    private static bool Starts(RetentionClock clock, string trigger) =>
        !clock.Permanent && clock.StartedAt is null && clock.StartsOn == trigger;

    private static RetentionStarted Started(RetentionClock clock, string trigger, DateTimeOffset startedAt, DateTimeOffset now) =>
        new(trigger, startedAt, End(startedAt, clock.Years)!.Value, now);

    private static DateTimeOffset? End(DateTimeOffset start, int? years) => years is { } y ? start.AddYears(y) : null;
}

using System.Globalization;
using AIWorkflows.Domain.Records;
using static AIWorkflows.Domain.Records.RecordEvent;

namespace AIWorkflows.App.Records;

/// <summary>A record's retention events in words, for the record page and the API.</summary>
public static class RecordHistory
{
    public static RecordHistoryEntry Describe(RecordEvent e) => e switch
    {
        RecordRegistered r => new("registered", r.At, $"Kept as {r.Record.RecordClass} under {r.Clock.Authority}" + (r.Clock.EndsAt is { } end ? $"; retention ends {Day(end)}." : ".")),
        RetentionStarted s => new("retention_started", s.At, $"Retention started ({s.Trigger.Replace('_', ' ')} on {Day(s.StartedAt)}); ends {Day(s.EndsAt)}."),
        HoldPlaced h => new("hold_placed", h.At, $"Legal hold placed by {h.Hold.By}{(h.Hold.Scope == HoldScopes.Tool ? " on all records of the tool" : "")}: {h.Hold.Reason}"),
        HoldReleased h => new("hold_released", h.At, $"Legal hold released by {h.By}: {h.Reason}"),
        DispositionDeferred d => new("disposition_deferred", d.At, $"Retention ended on {Day(d.DueAt)} but the record is on legal hold: not reviewed for disposal."),
        DispositionReviewOpened o => new("disposition_review_opened", o.At, $"Retention ended on {Day(o.DueAt)}: disposition review opened for the records officer."),
        RetentionExtended x => new("retention_extended", x.At, $"Retention extended by {x.By} from {Day(x.PreviousEnd)} to {Day(x.NewEnd)}: {x.Reason}"),
        RecordDisposed d => new("disposed", d.At, $"Disposed of by {d.By}: {d.Reason}. Certificate {d.CertificateId}."),
        _ => new("event", e.At, e.GetType().Name),
    };

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record RecordHistoryEntry(string Type, DateTimeOffset At, string Summary);

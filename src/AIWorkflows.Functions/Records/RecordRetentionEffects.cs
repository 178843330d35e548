using System.Text.Json;
using AIWorkflows.App.Effects;
using AIWorkflows.App.Mail;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using static AIWorkflows.Domain.Records.RecordEvent;

namespace AIWorkflows.App.Records;

/// <summary>
/// What a record's retention events cause outside its read model: the records officer's review mail,
/// the destruction, and one "sync" that brings the index row and the blobs' immutability in line with
/// the state. Each carries the state after its step (steps of one record run one at a time, in order),
/// so carrying it out reads nothing. The end of retention is the orchestration's own deadline.
/// </summary>
public sealed class RecordRetentionEffects(PolicyPack pack, RecordLinks links, ToolApprovalMail approvalMail)
{
    public const string Workflow = "record-retention";
    public const string SyncKind = "record-sync";
    public const string DisposeKind = "record-dispose";

    public sealed record SyncPayload(bool Protect, bool Hold, RecordRetention State);

    public sealed record DisposePayload(RecordRetention.Disposed State);

    public IEnumerable<PendingEffect> For(
        string instanceId, RecordRetention before, RecordRetention after, IReadOnlyList<StoredEvent<RecordEvent>> events)
    {
        var (protect, hold) = (false, false);
        foreach (var (seq, _, e) in events)
        {
            switch (e)
            {
                case RecordRegistered or RetentionStarted or RetentionExtended:
                    protect = true;
                    break;
                case HoldPlaced or HoldReleased:
                    hold = true;
                    break;
                case DispositionReviewOpened o when after.RecordOrNull is { } record:
                    yield return Mail($"{seq}-mail-records", ReviewMail($"{instanceId}-{seq}-review", record, o));
                    break;
                case RecordDisposed when after is RecordRetention.Disposed disposed:
                    yield return new PendingEffect($"{seq}-dispose", DisposeKind, JsonSerializer.Serialize(new DisposePayload(disposed), WorkflowJson.Options));
                    break;
            }
        }
        if (events.Count > 0)
            yield return new PendingEffect($"{events[^1].Seq}-sync", SyncKind, JsonSerializer.Serialize(new SyncPayload(protect, hold, after), WorkflowJson.Options));
    }

    private static PendingEffect Mail(string id, MailMessage message) => new(id, MailEffectHandler.KindName, JsonSerializer.Serialize(message));

    private MailMessage ReviewMail(string id, RecordFacts r, DispositionReviewOpened o) =>
        new MailComposer(id, pack.Role("records_officer").Email, $"[{pack.City} records] Disposition review due: {r.Title}", o.At)
            .Para($"The retention period of “{r.Title}” ({r.RecordClass}, tool {r.ToolId}) ended on {approvalMail.When(o.DueAt)}. "
                + "Decide whether it is disposed of or kept longer, and say why. Nothing is destroyed until you decide.")
            .Link("Review the record", links.Record(r.RecordId))
            .Build();
}

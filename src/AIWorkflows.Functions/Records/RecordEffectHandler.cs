using System.Text.Json;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

/// <summary>
/// Writes a request's submission snapshot or decision record to the archive. Record ids are fixed per
/// request and round, so a retry after a crash overwrites the same record instead of adding one.
/// </summary>
public sealed class RecordEffectHandler(
    IServiceProvider services,
    IRecordArchive archive,
    PolicyPack pack,
    BusinessCalendar calendar) : IEffectHandler
{
    public string Kind => RecordEffects.Kind;

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var payload = JsonSerializer.Deserialize<RecordEffects.Payload>(effect.Payload)!;
        // Run by the request's step activity after it wrote the read model, so the read shows this step.
        var snapshot = await services.GetRequiredService<WorkflowLog<ToolApproval, ToolApprovalEvent>>().LoadAsync(payload.RequestId, includeEvents: true, cancellationToken)
            ?? throw new InvalidOperationException($"Request {payload.RequestId} is not stored.");
        var c = snapshot.State.CaseOrNull!;
        var record = payload.What switch
        {
            "submission" => Record(c, "submission", $"{c.ToolId}.submission-{c.RequestId}",
                $"Submission: {c.Form.ToolName} ({c.Form.Department})", c.SubmittedAt,
                new Rendition("json", "application/json", JsonSerializer.SerializeToUtf8Bytes(RequestView.From(snapshot, pack), DecisionRecord.Json))),
            "decision" => Decision(snapshot, c),
            "review" => Review(c, c.Task(payload.TaskId ?? "") ?? throw new InvalidOperationException($"Request {c.RequestId} has no task {payload.TaskId}.")),
            _ => throw new InvalidOperationException($"Unknown record effect '{payload.What}'."),
        };
        await archive.ArchiveAsync(record, cancellationToken);
    }

    private NewRecord Decision(Snapshot<ToolApproval, ToolApprovalEvent> snapshot, RequestCase c)
    {
        var d = DecisionRecord.From(snapshot, pack);
        return Record(c, "decision_record", $"{c.ToolId}.decision-{c.RequestId}", $"Decision record: {c.Form.ToolName} ({d.Outcome})", d.DecidedAt,
            new Rendition("json", "application/json", d.ToJson()),
            new Rendition("html", "text/html; charset=utf-8", DecisionRecordHtml.Render(d, calendar.Zone)));
    }

    // Albuquerque 1.2: a review the pack keeps on its own (a privacy impact assessment) is a record of its class,
    // with what it assessed: the answers about data, the checklist the reviewer confirmed, and the outcome.
    private NewRecord Review(RequestCase c, ReviewTask t)
    {
        var rc = pack.RetentionClass(t.RecordClass!);
        var content = new
        {
            c.RequestId, c.ToolId, c.Form.ToolName, c.Form.Vendor, c.Form.Department, c.Form.Purpose, c.Form.DataCategories, c.Form.Answers,
            Reasons = c.TierReasons.Where(r => r.Reviews?.Any(s => s.Role == t.Role) == true).Select(r => new { r.RuleId, r.Reason, r.Source }),
            Review = new { t.TaskId, t.Role, Reviewer = t.Outcome?.By ?? t.ReviewerEmail, t.Round, t.Checklist, t.Outcome },
        };
        return Record(c, rc.Id, $"{c.ToolId}.{rc.Id}-{c.RequestId}-{t.TaskId}", $"{rc.Title}: {c.Form.ToolName} ({c.Form.Department})", t.Outcome?.At ?? c.SubmittedAt,
            new Rendition("json", "application/json", JsonSerializer.SerializeToUtf8Bytes(content, DecisionRecord.Json)));
    }

    // Albuquerque 3.2: records are kept for the period the city's retention schedule sets for their class.
    private NewRecord Record(RequestCase c, string recordClass, string id, string title, DateTimeOffset at, params Rendition[] renditions)
    {
        var rc = pack.RetentionClass(recordClass);
        DateTimeOffset? end = rc.Permanent || rc.Years is null || rc.StartsOn != "created" ? null : at.AddYears(rc.Years.Value);
        return new NewRecord(id, recordClass, title, c.ToolId, c.RequestId, c.Form.Department, at, rc.StartsOn, end, renditions);
    }
}

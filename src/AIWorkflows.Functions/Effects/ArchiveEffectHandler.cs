using System.Text;
using System.Text.Json;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Effects;

/// <summary>
/// Keeps a small JSON artifact (a re-assessment, an incident report) as a record. The content is
/// rendered at commit time and travels in the outbox row, so the record says what was decided then.
/// </summary>
public sealed class ArchiveEffectHandler(IRecordArchive archive, PolicyPack pack) : IEffectHandler
{
    public const string KindName = "archive";

    public sealed record Payload(
        string RecordId, string RecordClass, string Title, string ToolId, string? RequestId, string Department,
        DateTimeOffset CreatedAt, string ContentJson);

    public string Kind => KindName;

    public static PendingEffect Create(string effectId, Payload payload) => new(effectId, KindName, JsonSerializer.Serialize(payload));

    public Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var p = JsonSerializer.Deserialize<Payload>(effect.Payload)!;
        // Albuquerque 3.2: kept for the period the retention schedule sets for the record's class.
        var rc = pack.RetentionClass(p.RecordClass);
        DateTimeOffset? end = rc.Permanent || rc.Years is null || rc.StartsOn != "created" ? null : p.CreatedAt.AddYears(rc.Years.Value);
        return archive.ArchiveAsync(new NewRecord(p.RecordId, p.RecordClass, p.Title, p.ToolId, p.RequestId, p.Department, p.CreatedAt,
            rc.StartsOn, end, [new Rendition("json", "application/json", Encoding.UTF8.GetBytes(p.ContentJson))]), cancellationToken);
    }
}

using AIWorkflows.Storage.Tables;
using Azure;
using Azure.Data.Tables;

namespace AIWorkflows.Storage.Effects;

/// <summary>
/// The outbox row <c>out-{effectId}</c> in an instance's partition of the Workflows table. It carries
/// its workflow so recovery can dispatch it without reading the state row, and a claim (owner and
/// lease end) so two processes never run the same effect at once.
/// </summary>
internal sealed record OutboxRow(
    string Workflow, string InstanceId, PendingEffect Effect, string? ClaimedBy, DateTimeOffset? ClaimedUntil, ETag ETag)
{
    public const string Prefix = "out-";

    // '.' follows '-' in ordinal order, so [out-, out.) is exactly the outbox rows.
    public const string RangeEnd = "out.";

    public static string RowKeyOf(string effectId) => Prefix + effectId;

    public EffectKey Key => new(InstanceId, Effect.Id);

    public static TableEntity ToEntity(string workflow, string instanceId, PendingEffect effect, string claimedBy, DateTimeOffset claimedUntil)
    {
        var entity = new TableEntity(instanceId, RowKeyOf(effect.Id))
        {
            ["Workflow"] = workflow,
            ["Kind"] = effect.Kind,
            ["ClaimedBy"] = claimedBy,
            ["ClaimedUntil"] = claimedUntil,
        };
        LongText.Write(entity, "Payload", effect.Payload);
        return entity;
    }

    public static TableEntity Claim(OutboxRow row, string claimedBy, DateTimeOffset claimedUntil) =>
        new(row.InstanceId, RowKeyOf(row.Effect.Id)) { ["ClaimedBy"] = claimedBy, ["ClaimedUntil"] = claimedUntil, ETag = row.ETag };

    public static OutboxRow FromEntity(TableEntity entity) => new(
        entity.GetString("Workflow") ?? "",
        entity.PartitionKey,
        new PendingEffect(entity.RowKey[Prefix.Length..], entity.GetString("Kind") ?? "", LongText.Read(entity, "Payload") ?? ""),
        entity.GetString("ClaimedBy"),
        entity.GetDateTimeOffset("ClaimedUntil"),
        entity.ETag);
}

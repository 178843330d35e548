using System.Text.Json;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// Applies a register line computed at commit time from the tool's new state. Repeatable (may run before
/// a new tool's commit): the row is versioned and never replaced by an older or equal version.
/// </summary>
public sealed class InventoryEffectHandler(InventoryTable table) : IEffectHandler
{
    public const string KindName = "inventory";

    public string Kind => KindName;

    public static PendingEffect Create(long seq, InventoryEntry entry) => new($"{seq}-inventory", KindName, JsonSerializer.Serialize(entry));

    public Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return table.UpsertAsync(JsonSerializer.Deserialize<InventoryEntry>(effect.Payload)!, cancellationToken);
    }
}

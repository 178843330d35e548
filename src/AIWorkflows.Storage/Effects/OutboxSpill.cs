using System.Text.Json;

namespace AIWorkflows.Storage.Effects;

/// <summary>
/// The effects of a commit that do not fit its entity-group transaction (100 operations, with the
/// state and events first), kept as ONE outbox row committed with the events. After the commit the
/// dispatcher expands it into ordinary outbox rows, up to 99 at a time, each chunk in one
/// transaction with the spill row's progress (its ETag-guarded <see cref="ExpandedProperty"/>, and
/// its deletion with the last chunk): no effect is lost or written twice, whoever expands it.
/// </summary>
internal static class OutboxSpill
{
    public const string Kind = "outbox-spill";

    /// <summary>How many of the spilled effects are already ordinary outbox rows.</summary>
    public const string ExpandedProperty = "Expanded";

    public static PendingEffect Wrap(IReadOnlyList<PendingEffect> effects) =>
        // The first effect id is unique in the instance, so the spill's id is too.
        new($"spill-{effects[0].Id}", Kind, JsonSerializer.Serialize(effects));

    public static IReadOnlyList<PendingEffect> Unwrap(PendingEffect spill) =>
        JsonSerializer.Deserialize<List<PendingEffect>>(spill.Payload)
            ?? throw new InvalidOperationException($"Outbox spill '{spill.Id}' holds no effects.");
}

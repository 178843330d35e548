using System.Text.Json;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.Storage.Timers;

/// <summary>
/// The built-in "timer" effect: a decider sets a timer by emitting it, so the timer is committed
/// with the decision (outbox) and written to the Timers table by <see cref="TimerEffectHandler"/>.
/// </summary>
public static class TimerEffect
{
    public const string Kind = "timer";

    public static PendingEffect Create(string effectId, string workflow, string instanceId, DateTimeOffset dueAt, string commandJson) =>
        new(effectId, Kind, JsonSerializer.Serialize(new TimerPayload(workflow, instanceId, dueAt, commandJson), JsonSerializerOptions.Web));

    /// <summary>Serializes <paramref name="command"/> as its declared type, so polymorphic commands keep their discriminator.</summary>
    public static PendingEffect Create<TCommand>(
        string effectId, string workflow, string instanceId, DateTimeOffset dueAt, TCommand command, JsonSerializerOptions json) =>
        Create(effectId, workflow, instanceId, dueAt, JsonSerializer.Serialize(command, json));

    public static TimerPayload Read(PendingEffect effect)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return JsonSerializer.Deserialize<TimerPayload>(effect.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Timer effect '{effect.Id}' has no payload.");
    }
}

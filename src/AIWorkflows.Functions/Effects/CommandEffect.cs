using System.Text.Json;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.App.Effects;

/// <summary>
/// One workflow telling another what happened (an approval registers its tool): a command committed
/// in the sender's outbox and delivered to the receiver's store, so the hand-over survives a crash.
/// The receiving decider must treat a repeat as a no-op (each does: e.g. Register only from None).
/// </summary>
public sealed class CommandEffectHandler(IServiceProvider services) : IEffectHandler
{
    public const string KindName = "command";

    /// <summary><paramref name="New"/>: the receiving instance is expected not to exist yet, so it is added without a read first.</summary>
    public sealed record Payload(string Workflow, string InstanceId, string Command, bool New = false);

    public string Kind => KindName;

    public static PendingEffect Create<TCommand>(string effectId, string workflow, string instanceId, TCommand command, JsonSerializerOptions json, bool isNew = false) =>
        new(effectId, KindName, JsonSerializer.Serialize(new Payload(workflow, instanceId, JsonSerializer.Serialize(command, json), isNew)));

    public Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var p = JsonSerializer.Deserialize<Payload>(effect.Payload)!;
        // Resolved on use: the target stores depend on the dispatcher that runs this handler.
        var target = services.GetServices<ITimerTarget>().FirstOrDefault(t => t.Workflow == p.Workflow)
            ?? throw new InvalidOperationException($"No workflow '{p.Workflow}' to deliver to.");
        // This handler runs from the sender's outbox row, which covers a new receiver's effects run before its commit.
        return p.New ? target.DeliverNewInEffectAsync(p.InstanceId, p.Command, cancellationToken) : target.DeliverAsync(p.InstanceId, p.Command, cancellationToken);
    }
}

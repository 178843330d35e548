using System.Text.Json;
using AIWorkflows.Storage.Effects;
using AIWorkflows.App.Workflows;

namespace AIWorkflows.App.Effects;

/// <summary>
/// One workflow telling another what happened (an approval registers its tool): an effect of the
/// sender's step, delivered to the receiver's orchestration; the step's activity is retried until it
/// is, so the hand-over survives a crash. The receiving decider must treat a repeat as a no-op (each
/// does: e.g. Register only from None).
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
        // Resolved on use: the targets' recorders hold the handlers, this one among them.
        var target = services.GetServices<IWorkflowCommandTarget>().FirstOrDefault(t => t.Workflow == p.Workflow)
            ?? throw new InvalidOperationException($"No workflow '{p.Workflow}' to deliver to.");
        return p.New ? target.DeliverNewAsync(p.InstanceId, p.Command, cancellationToken) : target.DeliverAsync(p.InstanceId, p.Command, cancellationToken);
    }
}

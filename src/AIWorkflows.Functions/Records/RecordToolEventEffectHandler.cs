using System.Text.Json;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Records;

/// <summary>
/// How another workflow tells records that a tool was retired (the start of the "tool_retired" retention
/// clocks): emit <see cref="ToolRetired"/> in its outbox; this starts the clock of each of the tool's records.
/// </summary>
public sealed class RecordToolEventEffectHandler(IServiceProvider services) : IEffectHandler
{
    public const string KindName = "records-tool-event";

    public sealed record Payload(string ToolId, string Trigger, DateTimeOffset At);

    public string Kind => KindName;

    public static PendingEffect ToolRetired(string effectId, string toolId, DateTimeOffset at) =>
        new(effectId, KindName, JsonSerializer.Serialize(new Payload(toolId, RetentionTriggers.ToolRetired, at)));

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var p = JsonSerializer.Deserialize<Payload>(effect.Payload)!;
        if (p.Trigger != RetentionTriggers.ToolRetired) throw new InvalidOperationException($"Unknown tool event '{p.Trigger}'.");
        // Resolved on use: the service's store depends on the dispatcher that runs this handler.
        await services.GetRequiredService<RecordsService>().ToolRetiredAsync(p.ToolId, p.At, cancellationToken);
    }
}

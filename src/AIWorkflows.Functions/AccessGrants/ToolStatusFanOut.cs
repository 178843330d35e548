using System.Text.Json;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// A tool was suspended, reinstated or retired: every open grant of the tool hears of it (Sacramento
/// VI.B: only tools one is authorized for; a suspended tool is not). Emitted by the tool's workflow,
/// committed with its event, so the news survives a crash; each delivery is a no-op when repeated.
/// </summary>
public sealed class ToolStatusFanOut(
    IServiceProvider services, WorkflowGateway<AccessGrantCommand, AccessGrant, AccessGrantEvent> grants, GrantIndex index, TimeProvider clock) : IEffectHandler
{
    public const string KindName = "access-tool-status";

    public sealed record Payload(string ToolId, string Status);

    public string Kind => KindName;

    public static PendingEffect Create(long seq, string toolId, string status) =>
        new($"{seq}-access-grants", KindName, JsonSerializer.Serialize(new Payload(toolId, status)));

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var p = JsonSerializer.Deserialize<Payload>(effect.Payload)!;
        // The client of the step running this effect (or the host's), since each grant is an orchestration.
        var client = CurrentDurableClient.Get(services);
        var open = (await index.ByToolAsync(p.ToolId, null, cancellationToken)).Where(l => l.Status is "granted" or "pending");
        await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (line, ct) => await grants.SendAsync(client, line.GrantId, new AccessGrantCommand.ToolStatusChanged(p.Status, clock.GetUtcNow()), ct));
    }
}

using System.Text.Json;
using AIWorkflows.App.Workflows;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// Applies a grant's line, computed at commit time, to the tool's list; a new grant also gets its
/// pointer in the employee's file, so training recorded later reaches it.
/// </summary>
public sealed class GrantIndexEffectHandler(GrantIndex index, EmployeeFiles employees) : IEffectHandler
{
    public const string KindName = "access-grant-index";

    public sealed record Payload(GrantLine Line, bool IsNew);

    public string Kind => KindName;

    public static PendingEffect Create(long seq, GrantLine line, bool isNew) =>
        new($"{seq}-index", KindName, JsonSerializer.Serialize(new Payload(line, isNew), WorkflowJson.Options));

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var p = JsonSerializer.Deserialize<Payload>(effect.Payload, WorkflowJson.Options)!;
        if (p.IsNew && AccessRequirements.EmployeeKey(p.Line.EmployeeEmail) is { } key)
            await employees.AddGrantAsync(key, p.Line.GrantId, p.Line.ToolId, cancellationToken);
        await index.UpsertAsync(p.Line, p.IsNew, cancellationToken);
    }
}

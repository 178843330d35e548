using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// The context a function-based orchestrator gets: the worker's own, except that
/// <see cref="GetInput{T}"/> reads the input as any type. The worker deserializes the input once, to the
/// orchestrator's declared input type, and casts it in <c>GetInput</c>; a function declares no input
/// type (it asks with <c>GetInput&lt;T&gt;()</c>), so it is deserialized as <see cref="object"/> and
/// converted here, with the worker's data converter, as the Functions extension does.
/// </summary>
internal sealed class LocalOrchestrationContext(
    TaskOrchestrationContext inner, object? input, DataConverter converter, ILoggerFactory loggerFactory)
    : TaskOrchestrationContext
{
    private string? _serializedInput;

    public override TaskName Name => inner.Name;

    public override string InstanceId => inner.InstanceId;

    public override ParentOrchestrationInstance? Parent => inner.Parent;

    public override DateTime CurrentUtcDateTime => inner.CurrentUtcDateTime;

    public override bool IsReplaying => inner.IsReplaying;

    public override string Version => inner.Version;

    public override IReadOnlyDictionary<string, object?> Properties => inner.Properties;

    public override TaskOrchestrationEntityFeature Entities => inner.Entities;

    protected override ILoggerFactory LoggerFactory => loggerFactory;

    public override T GetInput<T>()
    {
        switch (input)
        {
            case T typed:
                return typed;
            case null:
                return default!;
            case JsonElement json:
                return converter.Deserialize<T>(json.GetRawText())!;
            default:
                _serializedInput ??= converter.Serialize(input);
                return converter.Deserialize<T>(_serializedInput)!;
        }
    }

    public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null) =>
        inner.CallActivityAsync<TResult>(name, input, options);

    public override Task<TResult> CallSubOrchestratorAsync<TResult>(TaskName orchestratorName, object? input = null, TaskOptions? options = null) =>
        inner.CallSubOrchestratorAsync<TResult>(orchestratorName, input, options);

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => inner.CreateTimer(fireAt, cancellationToken);

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) =>
        inner.WaitForExternalEvent<T>(eventName, cancellationToken);

    public override void SendEvent(string instanceId, string eventName, object payload) => inner.SendEvent(instanceId, eventName, payload);

    public override void SetCustomStatus(object? customStatus) => inner.SetCustomStatus(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        inner.ContinueAsNew(newInput, preserveUnprocessedEvents);

    public override void ContinueAsNew(ContinueAsNewOptions options) => inner.ContinueAsNew(options);

    public override Guid NewGuid() => inner.NewGuid();
}

namespace AIWorkflows.Storage.Effects;

/// <summary>A handler run that failed; the effect stays pending and is retried by the sweep.</summary>
public sealed record EffectFailure(string Workflow, string InstanceId, PendingEffect Effect, Exception Error);

namespace AIWorkflows.Storage.Effects;

/// <summary>Identifies one outbox row: effect ids are unique within an instance.</summary>
internal readonly record struct EffectKey(string InstanceId, string EffectId);

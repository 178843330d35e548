namespace AIWorkflows.Storage.Timers;

/// <summary>What a timer effect carries: whom to deliver to, when, and the command JSON.</summary>
public sealed record TimerPayload(string Workflow, string InstanceId, DateTimeOffset DueAt, string Command);

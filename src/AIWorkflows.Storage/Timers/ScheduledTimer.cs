namespace AIWorkflows.Storage.Timers;

/// <summary>A command to deliver to an instance of a workflow at <see cref="DueAt"/>.</summary>
public sealed record ScheduledTimer(string Workflow, string InstanceId, string TimerId, DateTimeOffset DueAt, string CommandJson);

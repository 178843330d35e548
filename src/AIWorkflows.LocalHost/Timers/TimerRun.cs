namespace AIWorkflows.LocalHost.Timers;

/// <summary>One run of a timer function: when it was due and started, how long it took, and how it failed if it did.</summary>
public sealed record TimerRun(string Function, DateTimeOffset Due, DateTimeOffset Started, TimeSpan Duration, Exception? Error)
{
    public bool Succeeded => Error is null;
}

namespace AIWorkflows.Storage.Timers;

/// <summary>What one sweep did: timers delivered (and deleted), timers that failed (kept), outbox effects retried successfully.</summary>
public sealed record TimerSweepResult(int Delivered, int Failed, int EffectsRecovered);

namespace AIWorkflows.App.Functions;

/// <summary>
/// A schedule the app runs: in Azure a Functions timer trigger (its function.json is generated from
/// this list), locally the in-process scheduler. One list, so code and manifest cannot drift.
/// </summary>
public sealed record AppTimer(string FunctionName, string Schedule, TimeSpan Interval);

public static class AppTimers
{
    // Every five minutes: review deadlines are business days, so minutes of lateness do not matter,
    // and an idle sweep costs one storage read (DESIGN §3: cost follows what is due).
    public static readonly AppTimer Sweep = new("Sweep", "0 */5 * * * *", TimeSpan.FromMinutes(5));

    public static readonly IReadOnlyList<AppTimer> All = [Sweep];
}

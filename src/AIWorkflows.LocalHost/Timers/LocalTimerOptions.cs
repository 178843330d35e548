using System.Reflection;

namespace AIWorkflows.LocalHost.Timers;

public sealed class LocalTimerOptions
{
    /// <summary>The assemblies whose <c>[TimerTrigger]</c> functions run on their schedules.</summary>
    public IList<Assembly> FunctionAssemblies { get; } = [];

    /// <summary>Off: no function runs on its schedule, only through <see cref="TimerTriggerScheduler.RunAllNowAsync"/> (tests, the sweep endpoint).</summary>
    public bool RunOnSchedule { get; set; } = true;

    /// <summary>How late a run may start before its <c>TimerInfo.IsPastDue</c> says so.</summary>
    public TimeSpan PastDueTolerance { get; set; } = TimeSpan.FromSeconds(1);
}

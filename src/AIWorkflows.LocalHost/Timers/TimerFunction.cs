using System.Reflection;
using AIWorkflows.LocalHost.Durable;
using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace AIWorkflows.LocalHost.Timers;

/// <summary>
/// A <c>[Function]</c> with a <c>[TimerTrigger]</c> parameter and its schedule: six-field NCRONTAB
/// (seconds first), in UTC, as the Functions host reads it; <c>%Name%</c> reads the expression from
/// configuration, as in Azure; <c>LocalTimers:Schedules:{function}</c> replaces it on the local host only.
/// </summary>
public sealed class TimerFunction
{
    private TimerFunction(FunctionMethod function, string expression, bool runOnStartup)
    {
        Function = function;
        Expression = expression;
        Schedule = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        RunOnStartup = runOnStartup;
    }

    public FunctionMethod Function { get; }

    public string Name => Function.Name;

    public string Expression { get; }

    public CrontabSchedule Schedule { get; }

    public bool RunOnStartup { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(Schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));

    public static IReadOnlyList<TimerFunction> Scan(IEnumerable<Assembly> assemblies, IConfiguration? configuration = null) =>
        [.. FunctionMethod.Find<TimerTriggerAttribute>(assemblies).Select(f => From(f, configuration))];

    private static TimerFunction From(FunctionMethod function, IConfiguration? configuration)
    {
        if (function.Trigger.ParameterType != typeof(TimerInfo))
            throw new InvalidOperationException($"Timer function '{function.Name}': its [TimerTrigger] parameter must be a TimerInfo, not {function.Trigger.ParameterType.Name}.");
        var trigger = function.Trigger.GetCustomAttribute<TimerTriggerAttribute>()!;
        // Locally a schedule may be set apart from Azure's (a crash test sweeps every second).
        var expression = configuration?[$"LocalTimers:Schedules:{function.Name}"] ?? trigger.Schedule;
        if (expression is ['%', .. var setting, '%'])
        {
            expression = configuration?[setting]
                ?? throw new InvalidOperationException($"Timer function '{function.Name}' reads its schedule from setting '{setting}', which is not set.");
        }
        try
        {
            return new TimerFunction(function, expression, trigger.RunOnStartup);
        }
        catch (CrontabException e)
        {
            throw new InvalidOperationException($"Timer function '{function.Name}' has schedule '{expression}', which is not a six-field NCRONTAB expression.", e);
        }
    }
}

using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.LocalHost.Functions;

/// <summary>An HTTP-trigger function: what the Functions host reads from its attributes into functions.metadata.</summary>
public sealed record HttpFunction(string Name, IReadOnlyList<string> Methods, string Route, MethodInfo Method);

/// <summary>A timer-trigger function and its six-field NCRONTAB schedule.</summary>
public sealed record TimerFunction(string Name, string Schedule, MethodInfo Method);

/// <summary>
/// Every [Function] of an assembly, grouped by trigger, found the way the Functions SDK finds them
/// (public methods carrying <see cref="FunctionAttribute"/>, the trigger on one parameter).
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> http, IReadOnlyList<TimerFunction> timers)
    {
        Http = http;
        Timers = timers;
    }

    public IReadOnlyList<HttpFunction> Http { get; }

    public IReadOnlyList<TimerFunction> Timers { get; }

    public static FunctionCatalog Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Function is not null)
            .ToList();
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        foreach (var (method, function) in functions)
        {
            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } h)
                    http.Add(new HttpFunction(function!.Name, [.. (h.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant())], h.Route ?? function.Name, method));
                else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } t)
                    timers.Add(new TimerFunction(function!.Name, t.Schedule, method));
            }
        }
        return new FunctionCatalog(http, timers);
    }
}

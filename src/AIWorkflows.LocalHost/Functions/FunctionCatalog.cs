using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.LocalHost.Functions;

/// <summary>An HTTP-trigger function: what the Functions host reads from its attributes into functions.metadata.</summary>
public sealed record HttpFunction(string Name, IReadOnlyList<string> Methods, string Route, MethodInfo Method);

/// <summary>
/// Every HTTP-trigger [Function] of an assembly, found the way the Functions SDK finds them (public
/// methods carrying <see cref="FunctionAttribute"/>, the trigger on one parameter).
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> http) => Http = http;

    public IReadOnlyList<HttpFunction> Http { get; }

    public static FunctionCatalog Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Of(assembly.GetExportedTypes());
    }

    /// <summary>The HTTP-trigger functions of these classes only: one feature's functions, for a test that maps just them.</summary>
    public static FunctionCatalog Of(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var http = types
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(f => f.Function is not null)
            .SelectMany(f => f.Method.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
                .OfType<HttpTriggerAttribute>()
                .Select(h => new HttpFunction(f.Function!.Name, [.. (h.Methods ?? ["get", "post"]).Select(m => m.ToUpperInvariant())], h.Route ?? f.Function.Name, f.Method)))
            .ToList();
        return new FunctionCatalog(http);
    }
}

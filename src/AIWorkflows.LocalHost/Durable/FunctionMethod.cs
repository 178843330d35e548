using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// A <c>[Function]</c> method and how the local host calls it, as the isolated worker would: an
/// instance method's class is created per invocation from the invocation's services (constructor
/// injection), the trigger parameter gets what the caller passes, and <see cref="CancellationToken"/>,
/// <see cref="FunctionContext"/> and <c>[DurableClient]</c> parameters are bound here.
/// </summary>
public sealed class FunctionMethod
{
    private readonly FunctionArgument[] _binders;
    private readonly ObjectFactory? _factory;
    private readonly Func<object?, Task<object?>> _await;

    private FunctionMethod(string name, MethodInfo method, ParameterInfo trigger, FunctionParameterBinder? binder)
    {
        Name = name;
        Method = method;
        Trigger = trigger;
        Definition = new LocalFunctionDefinition(name, method);
        (ResultType, _await) = FunctionResult.For(method.ReturnType);
        _binders = [.. method.GetParameters().Select(p => BinderFor(p, trigger, binder))];
        _factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
    }

    /// <summary>The name in <c>[Function(name)]</c>: what orchestrations, routes and schedules call it by.</summary>
    public string Name { get; }

    public MethodInfo Method { get; }

    /// <summary>The parameter that carries the trigger's attribute.</summary>
    public ParameterInfo Trigger { get; }

    /// <summary>What the method's result holds once awaited (<see cref="object"/> when it returns nothing).</summary>
    public Type ResultType { get; }

    public LocalFunctionDefinition Definition { get; }

    /// <summary>Every public <c>[Function]</c> method in <paramref name="assemblies"/> that has a parameter marked with <typeparamref name="TTrigger"/>.</summary>
    public static IReadOnlyList<FunctionMethod> Find<TTrigger>(IEnumerable<Assembly> assemblies, FunctionParameterBinder? binder = null)
        where TTrigger : Attribute
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var found = assemblies.Distinct()
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(FunctionAttribute), inherit: false) && m.GetParameters().Any(p => p.IsDefined(typeof(TTrigger), inherit: false)))
            .Select(m => Create<TTrigger>(m, name: null, binder))
            .ToList();
        var duplicate = found.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Function name '{duplicate.Key}' is declared more than once: {string.Join(", ", duplicate.Select(f => f.Definition.EntryPoint))}.");
        return found;
    }

    /// <summary>
    /// <paramref name="method"/> as a function triggered through its <typeparamref name="TTrigger"/>
    /// parameter, named by its <c>[Function]</c> attribute unless <paramref name="name"/> is given.
    /// <paramref name="binder"/> binds parameters of the trigger's own kinds (an HTTP function's route values).
    /// </summary>
    public static FunctionMethod Create<TTrigger>(MethodInfo method, string? name = null, FunctionParameterBinder? binder = null)
        where TTrigger : Attribute
    {
        ArgumentNullException.ThrowIfNull(method);
        name ??= method.GetCustomAttribute<FunctionAttribute>()?.Name
            ?? throw new ArgumentException($"{method.DeclaringType?.FullName}.{method.Name} has no [Function] attribute and no name was given.", nameof(method));
        var trigger = method.GetParameters().FirstOrDefault(p => p.IsDefined(typeof(TTrigger), inherit: false))
            ?? throw new ArgumentException($"Function '{name}' has no [{typeof(TTrigger).Name}] parameter.", nameof(method));
        if (!method.IsStatic && method.DeclaringType!.IsAbstract)
            throw new ArgumentException($"Function '{name}' is an instance method of abstract {method.DeclaringType.FullName}.", nameof(method));
        return new FunctionMethod(name, method, trigger, binder);
    }

    /// <summary>
    /// Calls the method with <paramref name="trigger"/> as its trigger argument and awaits what it returns.
    /// </summary>
    /// <param name="services">The invocation's services: an instance method's class is created from them.</param>
    /// <param name="items">What the invocation's <see cref="FunctionContext.Items"/> starts with (the ASP.NET Core integration keeps the HttpContext there).</param>
    public Task<object?> InvokeAsync(
        IServiceProvider services, object? trigger, CancellationToken cancellationToken, IEnumerable<KeyValuePair<object, object>>? items = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var context = new LocalFunctionContext(Definition, services, cancellationToken);
        if (items is not null)
        {
            foreach (var (key, value) in items) context.Items[key] = value;
        }
        var instance = _factory?.Invoke(services, null);
        Task<object?> result;
        try
        {
            var args = new object?[_binders.Length];
            for (var i = 0; i < args.Length; i++) args[i] = _binders[i](trigger, context);
            // No ConfigureAwait(false) anywhere on this path: an orchestrator must resume on the
            // orchestration's own scheduler.
            result = _await(Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null));
        }
        catch (Exception e)
        {
            result = Task.FromException<object?>(e);
        }
        return instance is IDisposable or IAsyncDisposable ? DisposeAfter(result, instance) : result;
    }

    private static async Task<object?> DisposeAfter(Task<object?> result, object instance)
    {
        try
        {
            return await result;
        }
        finally
        {
            if (instance is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
            else ((IDisposable)instance).Dispose();
        }
    }

    private FunctionArgument BinderFor(ParameterInfo parameter, ParameterInfo trigger, FunctionParameterBinder? binder)
    {
        if (parameter == trigger) return (value, _) => value;
        if (parameter.ParameterType == typeof(CancellationToken)) return (_, context) => context.CancellationToken;
        if (parameter.ParameterType == typeof(FunctionContext)) return (_, context) => context;
        if (parameter.IsDefined(typeof(DurableClientAttribute), inherit: false))
            return (_, context) => context.InstanceServices.GetRequiredService<DurableTaskClient>();
        if (binder?.Invoke(parameter) is { } bound) return bound;
        if (parameter.HasDefaultValue) return (_, _) => parameter.DefaultValue;
        throw new NotSupportedException(
            $"Function '{Name}' ({Definition.EntryPoint}) has parameter '{parameter.Name}' of type {parameter.ParameterType.Name}, " +
            "which the local host cannot bind: it binds the trigger, CancellationToken, FunctionContext and [DurableClient].");
    }
}

/// <summary>Gives one argument of an invocation from the trigger's value and the invocation's context.</summary>
public delegate object? FunctionArgument(object? trigger, FunctionContext context);

/// <summary>Says how to bind a parameter the local host does not know, or returns null to leave it (it is then refused).</summary>
public delegate FunctionArgument? FunctionParameterBinder(ParameterInfo parameter);

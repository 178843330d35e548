using System.ComponentModel;
using System.Reflection;
using System.Runtime.ExceptionServices;
using AIWorkflows.LocalHost.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.LocalHost.Http;

/// <summary>
/// Maps each HTTP-trigger function to its route and methods, and binds its parameters as the
/// Functions worker's ASP.NET Core integration does: the request, route values and query values by
/// parameter name, the cancellation token; instance classes are built per call with constructor
/// injection. A parameter it cannot bind stops start-up, so a function that only Azure could call
/// is found here.
/// </summary>
public static class HttpTriggerEndpoints
{
    public static IEndpointRouteBuilder MapHttpTriggers(this IEndpointRouteBuilder app, FunctionCatalog functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions.Http)
            app.MapMethods("/" + function.Route.TrimStart('/'), function.Methods, Handler(function)).WithName(function.Name).WithMetadata(function);
        return app;
    }

    private static RequestDelegate Handler(HttpFunction function)
    {
        var binders = function.Method.GetParameters().Select(p => Binder(function, p)).ToArray();
        var type = function.Method.DeclaringType!;
        var factory = function.Method.IsStatic ? null : ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
        return async http =>
        {
            var target = factory?.Invoke(http.RequestServices, null);
            try
            {
                var result = await Awaited(Invoke(function.Method, target, [.. binders.Select(b => b(http))]));
                await WriteAsync(http, result);
            }
            finally
            {
                if (target is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
                else if (target is IDisposable disposable) disposable.Dispose();
            }
        };
    }

    private static Func<HttpContext, object?> Binder(HttpFunction function, ParameterInfo p)
    {
        if (p.GetCustomAttribute<HttpTriggerAttribute>() is not null || p.ParameterType == typeof(HttpRequest)) return http => http.Request;
        if (p.ParameterType == typeof(HttpContext)) return http => http;
        if (p.ParameterType == typeof(CancellationToken)) return http => http.RequestAborted;
        if (p.ParameterType == typeof(FunctionContext)) return http => new LocalFunctionContext(function.Name, http.RequestServices, http.RequestAborted);
        if (p.GetCustomAttributes().Any(a => a.GetType().Name == "DurableClientAttribute"))
            return http => http.RequestServices.GetRequiredService(p.ParameterType);
        var converter = TypeDescriptor.GetConverter(p.ParameterType);
        if (p.Name is { } name && converter.CanConvertFrom(typeof(string)))
            return http =>
            {
                var text = http.GetRouteValue(name)?.ToString() ?? http.Request.Query[name].FirstOrDefault();
                return text is null ? (p.HasDefaultValue ? p.DefaultValue : null) : converter.ConvertFromInvariantString(text);
            };
        throw new InvalidOperationException($"Function {function.Name}: the local host cannot bind parameter '{p.Name}' of type {p.ParameterType}.");
    }

    private static object? Invoke(MethodInfo method, object? target, object?[] args)
    {
        try
        {
            return method.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }

    private static async Task<object?> Awaited(object? value)
    {
        if (value is not Task task) return value;
        await task;
        var type = task.GetType();
        return type.IsGenericType && type.GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult"
            ? result.GetValue(task)
            : null;
    }

    private static Task WriteAsync(HttpContext http, object? result) => result switch
    {
        IResult r => r.ExecuteAsync(http),
        IActionResult a => a.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())),
        null => Task.CompletedTask,
        _ => Results.Ok(result).ExecuteAsync(http),
    };
}

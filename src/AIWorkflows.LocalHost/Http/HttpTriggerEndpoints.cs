using System.ComponentModel;
using System.Reflection;
using AIWorkflows.LocalHost.Durable;
using AIWorkflows.LocalHost.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.LocalHost.Http;

/// <summary>
/// Maps each HTTP-trigger function to its route and methods, and binds its parameters as the
/// Functions worker's ASP.NET Core integration does: the request, route values and query values by
/// parameter name, plus what every function may take (cancellation, FunctionContext, [DurableClient]).
/// A parameter it cannot bind stops start-up, so a function that only Azure could call is found here.
/// </summary>
public static class HttpTriggerEndpoints
{
    // Where the ASP.NET Core integration keeps the HttpContext among a function context's items (FunctionContext.GetHttpContext).
    private const string HttpContextKey = "HttpRequestContext";

    public static IEndpointRouteBuilder MapHttpTriggers(this IEndpointRouteBuilder app, FunctionCatalog functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions.Http)
            app.MapMethods("/" + function.Route.TrimStart('/'), function.Methods, Handler(function)).WithName(function.Name).WithMetadata(function);
        return app;
    }

    private static RequestDelegate Handler(HttpFunction function)
    {
        var method = FunctionMethod.Create<HttpTriggerAttribute>(function.Method, function.Name, RouteValue);
        return async http =>
        {
            var result = await method.InvokeAsync(http.RequestServices, http.Request, http.RequestAborted, [new(HttpContextKey, http)]);
            await (result switch
            {
                IResult r => r.ExecuteAsync(http),
                IActionResult a => a.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())),
                null => Task.CompletedTask,
                _ => Results.Ok(result).ExecuteAsync(http),
            });
        };
    }

    private static FunctionArgument? RouteValue(ParameterInfo p)
    {
        if (p.ParameterType == typeof(HttpRequest)) return (_, context) => Http(context).Request;
        if (p.ParameterType == typeof(HttpContext)) return (_, context) => Http(context);
        var converter = TypeDescriptor.GetConverter(p.ParameterType);
        if (p.Name is not { } name || !converter.CanConvertFrom(typeof(string))) return null;
        return (_, context) =>
        {
            var http = Http(context);
            var text = http.GetRouteValue(name)?.ToString() ?? http.Request.Query[name].FirstOrDefault();
            return text is null ? (p.HasDefaultValue ? p.DefaultValue : null) : converter.ConvertFromInvariantString(text);
        };
    }

    private static HttpContext Http(FunctionContext context) => (HttpContext)context.Items[HttpContextKey];
}

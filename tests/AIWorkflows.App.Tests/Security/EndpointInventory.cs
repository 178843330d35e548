using System.Reflection;
using System.Text.RegularExpressions;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.LocalHost.Functions;
using AIWorkflows.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Every way into the running app, read from its own endpoint data source (each HTTP-trigger function with the methods
/// of its route metadata, a page's POST function with one entry per form it answers), so a test that must cover
/// "every endpoint" fails when a new one is mapped and nobody added it to the test's table.
/// </summary>
public static partial class EndpointInventory
{
    /// <summary>Keys like <c>GET /api/requests/{id}</c> or <c>POST /records/{id}?handler=Hold</c>, sorted.</summary>
    public static IReadOnlyList<string> Keys(AIWorkflowsApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + RootParameter().Replace(endpoint.RoutePattern.RawText!.Trim('/'), "");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            // HEAD is the GET function's answer without its body: the GET stands for both.
            if (methods.Contains("GET")) methods = [.. methods.Where(m => m != "HEAD")];
            // A page's POST function answers several forms, one per ?handler=.
            var handlers = endpoint.Metadata.GetMetadata<HttpFunction>()?.Method.GetCustomAttributes<PageHandlerAttribute>().Select(h => h.Name).ToList() ?? [];
            foreach (var method in methods)
            {
                if (handlers.Count == 0) keys.Add($"{method} {route}");
                // The empty handler is the page's form that posts without ?handler= (a link page beside its other forms).
                foreach (var handler in handlers) keys.Add(handler.Length == 0 ? $"{method} {route}" : $"{method} {route}?handler={handler}");
            }
        }
        return [.. keys];
    }

    /// <summary>The site's root as a function route: the Functions host takes no empty route, so an optional parameter only "" matches.</summary>
    [GeneratedRegex(@"^\{\w+:maxlength\(0\)\?\}$")]
    private static partial Regex RootParameter();
}

using System.Reflection;
using System.Text.RegularExpressions;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.LocalHost.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Every way into the running app, read from its own endpoint data source (HTTP-trigger functions and
/// minimal APIs with the methods of their route metadata, Razor pages and page functions with one entry per page handler), so a test that must cover "every endpoint" fails when a new one
/// is mapped and nobody added it to the test's table.
/// </summary>
public static partial class EndpointInventory
{
    private static readonly string[] Verbs = ["Get", "Post", "Put", "Delete", "Patch"];

    /// <summary>Keys like <c>GET /api/requests/{id}</c> or <c>POST /records/{id}?handler=Hold</c>, sorted.</summary>
    public static IReadOnlyList<string> Keys(AIWorkflowsApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + RootParameter().Replace(endpoint.RoutePattern.RawText!.Trim('/'), "");
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page without its own route is also reachable as .../Index; the bare route stands for both.
                if (route.EndsWith("Index", StringComparison.Ordinal)) continue;
                foreach (var (verb, handler) in Handlers(page))
                    keys.Add(handler is null ? $"{verb} {route}" : $"{verb} {route}?handler={handler}");
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
                // HEAD is the GET function's answer without its body (as Razor Pages answered it): the GET stands for both.
                if (methods.Contains("GET")) methods = [.. methods.Where(m => m != "HEAD")];
                // A page's POST function answers several forms, one per ?handler= (as a Razor page's handlers did).
                var handlers = endpoint.Metadata.GetMetadata<HttpFunction>()?.Method.GetCustomAttributes<PageHandlerAttribute>().Select(h => h.Name).ToList() ?? [];
                foreach (var method in methods)
                {
                    if (handlers.Count == 0) keys.Add($"{method} {route}");
                    // The empty handler is the page's form that posts without ?handler= (a link page beside its other forms).
                    foreach (var handler in handlers) keys.Add(handler.Length == 0 ? $"{method} {route}" : $"{method} {route}?handler={handler}");
                }
            }
        }
        return [.. keys];
    }

    /// <summary>The page model's <c>On{Verb}{Handler}[Async]</c> methods; a page answers GET even without an OnGet.</summary>
    private static List<(string Verb, string? Handler)> Handlers(PageActionDescriptor page)
    {
        var typeName = "AIWorkflows.App.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model";
        var model = typeof(AIWorkflows.App.AppServices).Assembly.GetType(typeName)
            ?? throw new InvalidOperationException($"No page model {typeName} for {page.ViewEnginePath}.");
        var found = model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => m.Name.EndsWith("Async", StringComparison.Ordinal) ? m.Name[..^5] : m.Name)
            .SelectMany(n => Verbs.Where(v => n.StartsWith("On" + v, StringComparison.Ordinal))
                .Select(v => (Verb: v.ToUpperInvariant(), Handler: n.Length > 2 + v.Length ? n[(2 + v.Length)..] : null)))
            .Distinct()
            .ToList();
        if (!found.Any(f => f.Verb == "GET")) found.Add(("GET", null));
        return found;
    }

    /// <summary>The site's root as a function route: the Functions host takes no empty route, so an optional parameter only "" matches.</summary>
    [GeneratedRegex(@"^\{\w+:maxlength\(0\)\?\}$")]
    private static partial Regex RootParameter();
}

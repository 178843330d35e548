using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AIWorkflows.App.Web.Pages;

/// <summary>
/// A page as an HTTP function's answer: the component rendered to HTML with <see cref="HtmlRenderer"/> on the
/// request's services, with its status and the security headers set here (DESIGN §1: in Azure no middleware
/// runs around a function, so the answer carries what <see cref="SecurityHeaders"/> requires itself).
/// </summary>
public sealed class PageResult<TPage, TModel>(TModel model, int status) : IResult
    where TPage : PageComponent<TModel>
{
    public TModel Model => model;

    public int StatusCode => status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // Rendered before anything is written: a form's antiforgery field may still set its cookie.
        var html = await RenderAsync(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        SecurityHeaders.Apply(response);
        await response.WriteAsync(html, httpContext.RequestAborted);
    }

    public async Task<string> RenderAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var services = httpContext.RequestServices;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(CascadingValue<PageContext>.Value)] = new PageContext(httpContext),
            [nameof(CascadingValue<PageContext>.IsFixed)] = true,
            [nameof(CascadingValue<PageContext>.ChildContent)] = (RenderFragment)(b =>
            {
                b.OpenComponent<TPage>(0);
                b.AddComponentParameter(1, nameof(PageComponent<TModel>.Model), model);
                b.CloseComponent();
            }),
        });
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<CascadingValue<PageContext>>(parameters)).ToHtmlString());
    }
}

/// <summary>How a function answers with a page: <c>return Page.Render&lt;ToolPage, ToolView&gt;(view);</c>.</summary>
public static class Page
{
    public static PageResult<TPage, TModel> Render<TPage, TModel>(TModel model, int status = StatusCodes.Status200OK)
        where TPage : PageComponent<TModel> => new(model, status);

    /// <summary>A person's 4xx: the problem explained inside the site's layout (401, 403, 404, 400, ...).</summary>
    public static PageResult<ProblemPage, ProblemView> Problem(ProblemView problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem, problem.Status);
    }
}

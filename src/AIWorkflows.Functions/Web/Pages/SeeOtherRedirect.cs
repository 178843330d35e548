namespace AIWorkflows.App.Web.Pages;

/// <summary>303 See Other after a page's form post: the browser GETs the result page, so a refresh never posts twice.</summary>
public sealed class SeeOtherRedirect(string location) : IResult
{
    public string Location => location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = location;
        SecurityHeaders.Apply(httpContext.Response);
        return Task.CompletedTask;
    }
}

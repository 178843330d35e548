using Microsoft.AspNetCore.Mvc;

namespace AIWorkflows.App.Pages;

/// <summary>303 See Other: after a form post, the browser GETs the result page, so a refresh never posts twice.</summary>
public sealed class SeeOtherResult(string location) : IActionResult
{
    public string Location { get; } = location;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}

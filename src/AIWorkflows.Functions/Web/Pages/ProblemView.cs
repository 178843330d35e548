using AIWorkflows.App.ToolApprovals;

namespace AIWorkflows.App.Web.Pages;

/// <summary>A problem explained to a person: what happened, what to do, and where to go next.</summary>
public sealed record ProblemView(int Status, string Title, string Detail, string? RequestId = null)
{
    public static ProblemView From(LinkAccess.Refused refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new(refused.Status, refused.Title, refused.Detail, refused.Request?.InstanceId);
    }

    public static ProblemView NoSuchRequest(string id) => new(
        StatusCodes.Status404NotFound, "Request not found",
        $"There is no request with the id “{Clip(id)}”. Check the id in your confirmation email; it looks like req-0123456789abcdef.");

    /// <summary>A generic page for a bare status code (unknown address, method not allowed, server error).</summary>
    public static ProblemView ForStatus(int status) => status switch
    {
        404 => new(404, "Page not found", "If you typed the web address, check it is correct. If you pasted it from an email, make sure you copied the whole address."),
        405 => new(405, "That action is not available here", "This page cannot be used that way. Go back and try again from the page's own form."),
        400 => new(400, "The request could not be understood", "Go back, check what you entered and try again."),
        >= 500 => new(status, "Sorry, there is a problem with the service", "Try again later. If you were filling in a form, go back in your browser: what you entered may still be there."),
        _ => new(status, "Something went wrong", "Go back and try again. If it keeps happening, contact the AI officer."),
    };

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "…" : s;
}

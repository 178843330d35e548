using AIWorkflows.App.Web.Pages;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.App.Web;

/// <summary>
/// <c>/error/{status}</c>: the site's page for a bare status code, for a front end or a custom error setting that
/// sends a person to the app's own explanation (App Service and Easy Auth can point at one). Failures inside the
/// app are answered where they happen (<see cref="ProblemResponses"/>), not by redirecting here.
/// </summary>
public static class ErrorPageFunctions
{
    [Function("ErrorPage")]
    public static IResult Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "error/{status:int?}")] HttpRequest request, int? status)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Page.Problem(ProblemView.ForStatus(status is >= 400 and <= 599 ? status.Value : StatusCodes.Status404NotFound));
    }
}

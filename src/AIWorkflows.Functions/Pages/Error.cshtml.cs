using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages;

/// <summary>
/// <c>/error/{status}</c>: the page a person sees for a bare status code or an unhandled error,
/// when the app re-executes into it (UseStatusCodePagesWithReExecute, UseExceptionHandler).
/// </summary>
// Re-execution keeps the original method: a failed POST arrives here as a POST without a token.
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public ProblemView Problem { get; private set; } = ProblemView.ForStatus(StatusCodes.Status404NotFound);

    public IActionResult OnGet(int? status) => Show(status);

    public IActionResult OnPost(int? status) => Show(status);

    private PageResult Show(int? status)
    {
        var code = status is >= 400 and <= 599 ? status.Value
            : HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status404NotFound;
        Problem = ProblemView.ForStatus(code);
        Response.StatusCode = code;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}

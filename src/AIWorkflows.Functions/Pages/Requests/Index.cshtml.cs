using AIWorkflows.App.ToolApprovals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Requests;

/// <summary>
/// <c>/requests</c>: "My requests". Until sign-in lists a person's own requests, it finds one by
/// its id (a GET form, so the result can be bookmarked and needs no token).
/// </summary>
public sealed class IndexModel(ToolApprovalService service) : PageModel
{
    public string? Id { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        // A search carries a request id in its address, as a status link does.
        if (Request.Query.ContainsKey("id")) LinkPageHeaders.Apply(this);
        // "?id=" binds as null; an empty search is still a search that needs an answer.
        if (id is null && !Request.Query.ContainsKey("id")) return Page();
        id ??= "";
        Id = id;
        var trimmed = id.Trim().ToLowerInvariant();
        if (trimmed.Length == 0) return Invalid(StatusCodes.Status400BadRequest, "Enter the request id from your confirmation email.");
        if (!ToolApprovalService.IsRequestId(trimmed))
            return Invalid(StatusCodes.Status400BadRequest, "Enter a request id like req-0123456789abcdef: “req-” and 16 letters a to f or digits.");
        if (await service.GetAsync(trimmed, ct) is null)
            return Invalid(StatusCodes.Status404NotFound, "There is no request with this id. Check it against your confirmation email.");
        return new SeeOtherResult($"/requests/{Uri.EscapeDataString(trimmed)}");
    }

    private PageResult Invalid(int status, string message)
    {
        Errors = new FormErrors(new Dictionary<string, string[]> { ["id"] = [message] }, ["id"]);
        Response.StatusCode = status;
        return Page();
    }
}

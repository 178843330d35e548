using AIWorkflows.App.Feedback;
using AIWorkflows.App.Inventory;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AIWorkflows.App.Pages.Inventory;

/// <summary>
/// <c>/inventory/{toolId}</c>: one tool of the public register and its public feedback form
/// (Albuquerque 6.7). A comment posts here, is rate-limited per address, and is acknowledged after a 303.
/// </summary>
[EnableRateLimiting(FeedbackRateLimit.Policy)]
public sealed class ToolModel(PublicRegister register, FederalSources sources, FeedbackService feedback, PolicyPack pack) : PageModel
{
    public PolicyPack Pack => pack;

    public InventoryEntry? Tool { get; private set; }

    public IReadOnlyDictionary<string, string>? Source { get; private set; }

    public ProblemView? Problem { get; private set; }

    /// <summary>The reference of the comment just received, shown once after the redirect.</summary>
    public string? Received { get; private set; }

    public FeedbackService.Input Form { get; private set; } = new(null, null, null, null);

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public int? FeedbackYears => pack.Retention.FirstOrDefault(r => r.Id == FeedbackEffects.RecordClass)?.Years;

    public async Task<IActionResult> OnGetAsync(string toolId, string? feedback, CancellationToken ct)
    {
        if (!await LoadAsync(toolId, ct)) return NotFoundPage();
        Received = FeedbackService.IsFeedbackId(feedback) ? feedback : null;
        Form = NewForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string toolId, CancellationToken ct)
    {
        var input = new FeedbackService.Input(Request.Form["name"], Request.Form["email"], Request.Form["comment"], Request.Form["formKey"]);
        switch (await feedback.SubmitAsync(toolId, input, ct))
        {
            case FeedbackService.Result.Received r:
                return new SeeOtherResult($"/inventory/{Uri.EscapeDataString(toolId)}?feedback={r.FeedbackId}#feedback-received");
            case FeedbackService.Result.Invalid i:
                if (!await LoadAsync(toolId, ct)) return NotFoundPage();
                Form = string.IsNullOrEmpty(input.FormKey) ? input with { FormKey = NewForm().FormKey } : input;
                Errors = new FormErrors(i.Errors, FeedbackService.Fields);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                return NotFoundPage();
        }
    }

    private async Task<bool> LoadAsync(string toolId, CancellationToken ct)
    {
        Tool = await register.GetAsync(toolId, ct);
        if (Tool?.Origin == "import") Source = await sources.GetAsync(Tool.ToolId, ct);
        return Tool is not null;
    }

    private PageResult NotFoundPage()
    {
        Problem = new ProblemView(StatusCodes.Status404NotFound, "Tool not found",
            "There is no tool with this address in the register. Check the address, or find the tool in the register.");
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private static FeedbackService.Input NewForm() => new(null, null, null, Guid.NewGuid().ToString("N"));
}

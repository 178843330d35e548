using AIWorkflows.App.Feedback;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;
using static AIWorkflows.App.UnionNotices.UnionNoticeService;

namespace AIWorkflows.App.Pages.UnionRequests;

/// <summary>
/// <c>/union-requests/new</c>: a recognized employee organization that learned of an AI tool asks to meet and
/// confer on it, with or without a prior notice (Sacramento VI.A.7), through the same service as
/// POST /api/union-requests. No sign-in: the request only opens a case that labor relations handles.
/// </summary>
public sealed class NewModel(UnionNoticeService service, PublicRegister register, PolicyPack pack, FeedbackRateLimit limit, DurableTaskClient client) : PageModel
{
    public IReadOnlyList<ChoiceOption> OrganizationOptions =>
        [.. (pack.Union?.Organizations ?? []).Select(o => new ChoiceOption(o.Id, o.Name, null))];

    public IReadOnlyList<InventoryEntry> Tools { get; private set; } = [];

    public RequestInput Form { get; private set; } = new(null, null, null, null);

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public string? Done { get; private set; }

    public string? TooMany { get; private set; }

    public async Task OnGetAsync(string? tool, CancellationToken ct)
    {
        await LoadToolsAsync(ct);
        Form = new RequestInput(Tools.Any(t => t.ToolId == tool) ? tool : null, null, null, null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? Field(string name) => Request.Form.TryGetValue(name, out var v) ? v.ToString() : null;
        Form = new RequestInput(Field("toolId"), Field("organizationId"), Field("email"), Field("impact"));
        await LoadToolsAsync(ct);
        if (limit.Refuse(HttpContext) is { } seconds)
        {
            FeedbackRateLimit.SetHeaders(Response, seconds);
            TooMany = FeedbackRateLimit.Detail(seconds);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        switch (await service.RequestOnToolAsync(client, Form, ct))
        {
            case CaseResult.Done d:
                Done = d.Message;
                return Page();
            case CaseResult.Invalid i:
                Errors = new FormErrors(i.Errors, RequestFields, f => f == "organizationId" ? ChoiceField.FirstInputId(f, OrganizationOptions) : FormErrors.IdOf(f));
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                throw new InvalidOperationException("Unknown result.");
        }
    }

    // Any tool in the register: in service, piloted or suspended (a retired one is no longer used).
    private async Task LoadToolsAsync(CancellationToken ct) =>
        Tools = [.. (await register.ListAsync(RegisterFilter.None, ct)).Matching.Where(t => t.Status is not ("retired" or PlannedTools.Planned))];
}

using AIWorkflows.App.AccessGrants;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static AIWorkflows.App.AccessGrants.AccessGrantService;

namespace AIWorkflows.App.Pages.Access;

/// <summary>
/// <c>/access/new</c>: an employee asks for access to a tool in the register (Albuquerque 4.1, 5.1),
/// through the same service as POST /api/access-requests. Asking twice is harmless: the answer is the
/// same request, so the result is shown in place.
/// </summary>
public sealed class NewModel(AccessGrantService service, PublicRegister register, PolicyPack pack, DurableTaskClient client) : PageModel
{
    public static IReadOnlyList<string> Order { get; } = ["toolId", "employeeEmail", "department"];

    public IReadOnlyList<InventoryEntry> Tools { get; private set; } = [];

    public IReadOnlyList<string> Departments => [.. pack.Departments.Select(d => d.Name)];

    public RequestInput Form { get; private set; } = new(null, null, null);

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public AccessGrantView? Result { get; private set; }

    public bool AlreadyAsked { get; private set; }

    public async Task OnGetAsync(string? tool, CancellationToken ct)
    {
        await LoadToolsAsync(ct);
        Form = new RequestInput(Tools.Any(t => t.ToolId == tool) ? tool : null, User.Email(), null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? Field(string name) => Request.Form.TryGetValue(name, out var v) ? v.ToString() : null;
        Form = new RequestInput(Field("toolId"), Field("employeeEmail"), Field("department"));
        switch (await service.RequestAsync(client, Form, ct))
        {
            case RequestResult.Created c:
                Result = c.Grant;
                return Page();
            case RequestResult.Existing e:
                (Result, AlreadyAsked) = (e.Grant, true);
                return Page();
            case RequestResult.Invalid i:
                await LoadToolsAsync(ct);
                Errors = new FormErrors(i.Errors, Order);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                throw new InvalidOperationException("Unknown request result.");
        }
    }

    // Sacramento VI.B: access to tools the city authorized; suspended and retired tools are not offered.
    private async Task LoadToolsAsync(CancellationToken ct) =>
        Tools = [.. (await register.ListAsync(RegisterFilter.None, ct)).Matching.Where(t => AccessGrantService.InService(t.Status))];
}

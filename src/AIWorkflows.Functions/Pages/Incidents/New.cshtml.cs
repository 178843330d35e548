using Microsoft.DurableTask.Client;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Reassessments;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static AIWorkflows.App.Reassessments.ToolLifecycleService;

namespace AIWorkflows.App.Pages.Incidents;

/// <summary>
/// <c>/incidents/new</c>: any employee reports an AI tool that malfunctions or produces inaccurate,
/// misleading, discriminatory or disruptive results (Sacramento VII.B), through the same service as
/// POST /api/incidents. A signed-in employee reports in their own name and the report is acted on at once;
/// anyone else's report waits for the AI officer's triage.
/// </summary>
public sealed class NewModel(ToolLifecycleService service, PublicRegister register, PolicyPack pack, DurableTaskClient client) : PageModel
{
    /// <summary>
    /// The pack's kinds of incident (Sacramento VI.A.6: cybersecurity, which reaches the ISO), and "something else";
    /// empty when the pack names none, and then the form does not ask.
    /// </summary>
    public IReadOnlyList<ChoiceOption> KindOptions =>
        pack.IncidentKinds is { Count: > 0 } kinds ? [.. kinds.Select(k => new ChoiceOption(k.Id, k.Label, k.Hint)), new("", "Something else, or not sure")] : [];

    public static IReadOnlyList<string> Order { get; } = ["toolId", "reporterEmail", "supervisorEmail", "severity", "kind", "description"];

    public static IReadOnlyList<ChoiceOption> SeverityOptions { get; } =
    [
        new("low", "Low", "A minor problem that was caught in time: an odd or wrong result that no one relied on."),
        new("medium", "Medium", "Wrong or unfair results reached a piece of work, or the tool keeps failing, but no one was harmed."),
        new("high", "High", "People or their information were harmed or put at risk, for example a wrong decision about someone or data exposed. The tool is suspended at once."),
        new("critical", "Critical", "Serious or continuing harm, such as a data breach or unsafe results in use now. Stop using the tool now: it is suspended at once."),
    ];

    public IReadOnlyList<InventoryEntry> Tools { get; private set; } = [];

    public IncidentInput Form { get; private set; } = new(null, null, null, null, null);

    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>The reporter's signed-in city identity; null when not signed in (the report is then triaged first).</summary>
    public string? SignedInAs => User.Identity?.IsAuthenticated == true ? User.Email() : null;

    public async Task OnGetAsync(string? tool, CancellationToken ct)
    {
        await LoadToolsAsync(ct);
        Form = new IncidentInput(Tools.Any(t => t.ToolId == tool) ? tool : null, null, null, null, null);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? Field(string name) => Request.Form.TryGetValue(name, out var v) ? v.ToString() : null;
        Form = new IncidentInput(Field("toolId"), Field("reporterEmail"), Field("supervisorEmail"), Field("severity"), Field("description"), Field("kind"));
        switch (await service.ReportIncidentAsync(client, Form, SignedInAs, ct))
        {
            case IncidentResult.Reported r:
                return new SeeOtherResult($"/incidents/{Uri.EscapeDataString(r.ToolId)}/{Uri.EscapeDataString(r.IncidentId)}");
            case IncidentResult.Invalid i:
                await LoadToolsAsync(ct);
                Errors = new FormErrors(i.Errors, Order, f => f switch
                {
                    "severity" => ChoiceField.FirstInputId(f, SeverityOptions),
                    "kind" => ChoiceField.FirstInputId(f, KindOptions),
                    _ => FormErrors.IdOf(f),
                });
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                throw new InvalidOperationException("Unknown incident result.");
        }
    }

    // Tools in service can be reported; a retired tool is no longer used.
    private async Task LoadToolsAsync(CancellationToken ct) =>
        Tools = [.. (await register.ListAsync(RegisterFilter.None, ct)).Matching.Where(t => t.Status is not ("retired" or AIWorkflows.App.Inventory.PlannedTools.Planned))]; // a planned tool is not in use
}

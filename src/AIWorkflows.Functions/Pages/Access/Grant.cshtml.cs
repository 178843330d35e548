using AIWorkflows.App.AccessGrants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Pages.Access;

/// <summary>
/// <c>/access/grant/{token}</c>: DTI grants an employee's access, or refuses, once the department head has
/// consented and everything else is in place (Albuquerque 4.1). GET only reads; POST with <c>decision</c>
/// (grant | refuse), <c>note</c> and the form's antiforgery token acts once.
/// </summary>
public sealed class GrantModel(AccessGrantService service, DurableTaskClient client) : AccessLinkPage
{
    public static IReadOnlyList<string> Order { get; } = ["decision", "note"];

    public static IReadOnlyList<ChoiceOption> Decisions { get; } =
    [
        new("grant", "Grant access", "The employee may use the tool from now on; IT's list and CSV include them."),
        new("refuse", "Refuse", "The request is closed; the employee is told your reasons."),
    ];

    public string? Decision { get; private set; }

    public string? Note { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Show(await service.OpenGrantAsync(token, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? decision, [FromForm] string? note, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        (Decision, Note) = (decision, note);
        return Answer(await service.GrantAsync(client, token, decision, note, ct), e => new FormErrors(e, Order, f => f == "decision" ? ChoiceField.FirstInputId(f, Decisions) : f));
    }
}

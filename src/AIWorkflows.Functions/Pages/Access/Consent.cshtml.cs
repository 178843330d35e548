using AIWorkflows.App.AccessGrants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Pages.Access;

/// <summary>
/// <c>/access/consent/{token}</c>: the department head consents to an employee's access, or refuses
/// (Albuquerque 4.1). GET only reads; POST with <c>decision</c> (consent | refuse) and <c>comments</c> acts once.
/// </summary>
// The signed token in the address is the capability; like task links, no antiforgery token.
[IgnoreAntiforgeryToken]
public sealed class ConsentModel(AccessGrantService service, DurableTaskClient client) : AccessLinkPage
{
    public static IReadOnlyList<string> Order { get; } = ["decision", "comments"];

    public static IReadOnlyList<ChoiceOption> Decisions { get; } =
    [
        new("consent", "Consent", "The employee may use the tool once trained and once the agreement is signed."),
        new("refuse", "Refuse", "The request is closed; the employee is told your reasons."),
    ];

    public string? Decision { get; private set; }

    public string? Comments { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Show(await service.OpenConsentAsync(token, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? decision, [FromForm] string? comments, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        (Decision, Comments) = (decision, comments);
        return Answer(await service.ConsentAsync(client, token, decision, comments, ct), e => new FormErrors(e, Order, f => f == "decision" ? ChoiceField.FirstInputId(f, Decisions) : f));
    }
}

using AIWorkflows.App.AccessGrants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static AIWorkflows.App.AccessGrants.AccessGrantService;

namespace AIWorkflows.App.Pages.Access;

/// <summary>
/// <c>/access/consent/{token}</c>: the department head consents to an employee's access, or refuses
/// (Albuquerque 4.1). GET only reads; POST with <c>decision</c> (consent | refuse) and <c>comments</c> acts once.
/// </summary>
// The signed token in the address is the capability; like task links, no antiforgery token.
[IgnoreAntiforgeryToken]
public sealed class ConsentModel(AccessGrantService service) : PageModel
{
    public static IReadOnlyList<string> Order { get; } = ["decision", "comments"];

    public static IReadOnlyList<ChoiceOption> Decisions { get; } =
    [
        new("consent", "Consent", "The employee may use the tool once trained and once the agreement is signed."),
        new("refuse", "Refuse", "The request is closed; the employee is told your reasons."),
    ];

    public LinkAccess.Granted? Access { get; private set; }

    public AccessGrantView? Done { get; private set; }

    public ProblemView? Problem { get; private set; }

    public AccessGrantView? Grant { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

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
        switch (await service.ConsentAsync(token, decision, comments, ct))
        {
            case ActResult.Done d:
                Done = d.Grant;
                return Page();
            case ActResult.Invalid i:
                Errors = new FormErrors(i.Errors, Order, f => f == "decision" ? ChoiceField.FirstInputId(f, Decisions) : f);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Show(i.Access);
            case ActResult.Refused r:
                return Show(r.Why);
            default:
                throw new InvalidOperationException("Unknown result.");
        }
    }

    private PageResult Show(LinkAccess access)
    {
        switch (access)
        {
            case LinkAccess.Refused r:
                Problem = new ProblemView(r.Status, r.Title, r.Detail);
                Grant = r.Grant;
                Response.StatusCode = r.Status;
                break;
            case LinkAccess.Granted g:
                Access = g;
                break;
        }
        return Page();
    }
}

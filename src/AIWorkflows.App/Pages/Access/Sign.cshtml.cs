using AIWorkflows.App.AccessGrants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static AIWorkflows.App.AccessGrants.AccessGrantService;

namespace AIWorkflows.App.Pages.Access;

/// <summary>
/// <c>/access/sign/{token}</c>: the employee reads the agreement on ethical use and signs it (Albuquerque
/// 5.1). GET only reads (mail scanners open links); POST signs once, binding the text by its SHA-256.
/// </summary>
// The signed token in the address is the capability; like task links, no antiforgery token.
[IgnoreAntiforgeryToken]
public sealed class SignModel(AccessGrantService service) : PageModel
{
    public LinkAccess.Granted? Access { get; private set; }

    public AccessGrantView? Done { get; private set; }

    public ProblemView? Problem { get; private set; }

    public AccessGrantView? Grant { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Show(await service.OpenSignAsync(token, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? agree, [FromForm] string? sha256, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        switch (await service.SignAsync(token, agree, sha256, ct))
        {
            case ActResult.Done d:
                Done = d.Grant;
                return Page();
            case ActResult.Invalid i:
                Errors = new FormErrors(i.Errors, ["agree"]);
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

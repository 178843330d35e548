using AIWorkflows.App.AccessGrants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Pages.Access;

/// <summary>
/// <c>/access/sign/{token}</c>: the employee reads the agreement on ethical use and signs it (Albuquerque
/// 5.1). GET only reads (mail scanners open links); POST signs once, binding the text by its SHA-256.
/// </summary>
// The signed token in the address is the capability; like task links, no antiforgery token.
[IgnoreAntiforgeryToken]
public sealed class SignModel(AccessGrantService service, DurableTaskClient client) : AccessLinkPage
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Show(await service.OpenSignAsync(token, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? agree, [FromForm] string? sha256, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Answer(await service.SignAsync(client, token, agree, sha256, ct), e => new FormErrors(e, ["agree"]));
    }
}

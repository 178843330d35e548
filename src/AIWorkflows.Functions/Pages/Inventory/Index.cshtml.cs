using AIWorkflows.App.Inventory;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Inventory;

/// <summary><c>/inventory</c>: the public register of AI tools (Albuquerque 6.7, Sacramento IV.D); no sign-in, filters by GET.</summary>
public sealed class IndexModel(PublicRegister register, PolicyPack pack) : PageModel
{
    public const int PageSize = 100;

    public PolicyPack Pack => pack;

    public RegisterFilter Filter { get; private set; } = RegisterFilter.None;

    public RegisterListing Listing { get; private set; } = new(0, new Dictionary<string, int>(), [], []);

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public int PageNumber { get; private set; } = 1;

    public int PageCount => Math.Max(1, (Listing.Matching.Count + PageSize - 1) / PageSize);

    public IEnumerable<InventoryEntry> Shown => Listing.Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize);

    public static IReadOnlyList<string> Order { get; } = ["department", "status", "tier", "q"];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (filter, errors) = RegisterFilter.Read(Request.Query, pack);
        Filter = filter;
        Listing = await register.ListAsync(filter, ct);
        PageNumber = int.TryParse(Request.Query["page"], out var p) && p >= 1 ? Math.Min(p, PageCount) : 1;
        if (errors.Count == 0) return Page();
        Errors = new FormErrors(errors, Order);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

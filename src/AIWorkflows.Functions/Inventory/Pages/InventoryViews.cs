using AIWorkflows.App.Feedback;
using AIWorkflows.App.Pages;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Inventory.Pages;

/// <summary><c>/inventory</c>: the register, filtered by GET, a hundred tools a page.</summary>
public sealed record RegisterListView(PolicyPack Pack, RegisterFilter Filter, RegisterListing Listing, FormErrors Errors, int RequestedPage)
{
    public const int PageSize = 100;

    public static IReadOnlyList<string> Order { get; } = ["department", "status", "tier", "q"];

    public int PageCount => Math.Max(1, (Listing.Matching.Count + PageSize - 1) / PageSize);

    public int PageNumber => Math.Clamp(RequestedPage, 1, PageCount);

    public IEnumerable<InventoryEntry> Shown => Listing.Matching.Skip((PageNumber - 1) * PageSize).Take(PageSize);
}

/// <summary>
/// <c>/inventory/{toolId}</c>: one tool and its feedback form; or, when <see cref="Problem"/> is set, why there is
/// no tool to show (404) or no comment taken (429), with the way back to the register.
/// </summary>
public sealed record ToolView(
    PolicyPack Pack, InventoryEntry? Tool, IReadOnlyDictionary<string, string>? Source, string? Received,
    FeedbackService.Input Form, FormErrors Errors, ProblemView? Problem = null)
{
    public int? FeedbackYears => Pack.Retention.FirstOrDefault(r => r.Id == FeedbackEffects.RecordClass)?.Years;

    public static FeedbackService.Input NewForm() => new(null, null, null, Guid.NewGuid().ToString("N"));
}

/// <summary><c>/inventory/import</c>: the form, its field error, and the report of the last import.</summary>
public sealed record ImportView(ImportReport? Report, FormErrors Errors);

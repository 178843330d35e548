using AIWorkflows.App.Feedback;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Inventory.Pages;

/// <summary><c>/inventory</c>: the register, filtered by GET, a page at a time (issue 17 §4).</summary>
public sealed record RegisterListView(PolicyPack Pack, RegisterFilter Filter, RegisterListing Listing, FormErrors Errors, RegisterPaging Requested)
{
    public static IReadOnlyList<string> Order { get; } = ["department", "status", "tier", "q", "pageSize"];

    public int PageCount => Requested.PageCount(Listing.Matching.Count);

    /// <summary>A page past the last (a link saved before tools left) shows the last page.</summary>
    public RegisterPaging Paging => Requested.With(Math.Min(Requested.Page, PageCount));

    public IReadOnlyList<InventoryEntry> Shown => Paging.Of(Listing.Matching);

    public int FirstShown => (Paging.Page - 1) * Paging.PageSize + 1;

    public int LastShown => FirstShown + Shown.Count - 1;
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

using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web.Pages;

namespace AIWorkflows.App.Web.Pages;

/// <summary>A reviews table: the rows, a caption (a table needs one for screen readers) and what to say when empty.</summary>
public sealed record ReviewsTable(
    IReadOnlyList<ReviewView> Reviews, string Caption, string Empty, string CaptionId = "reviews-caption", bool CaptionVisible = false);

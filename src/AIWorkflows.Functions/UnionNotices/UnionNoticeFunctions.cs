using System.Security.Claims;
using AIWorkflows.App.Feedback;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// Notice to the recognized employee organizations and meet and confer (Sacramento VI.A.7) as HTTP-trigger functions:
/// an organization answers a notice through its emailed link (the page and the API) or asks on the public page; labor
/// relations opens notices on registered tools, classifies imports whose impact is unknown, and logs the meetings and
/// conclusions of each case. The logic is <see cref="UnionNoticeService"/>'s; these read the request and answer it.
/// </summary>
public sealed partial class UnionNoticeFunctions(UnionNoticeService service, PublicRegister register, PolicyPack pack, FeedbackRateLimit limit)
{
    /// <summary>Who acts for labor relations, as the notice's history records it.</summary>
    private static string By(ClaimsPrincipal user) => user.Email() ?? "labor relations";

    /// <summary>
    /// The tools a notice or a request may name: any tool in the register in service, piloted or suspended (a retired
    /// one is no longer used, a planned one not yet).
    /// </summary>
    private async Task<IReadOnlyList<InventoryEntry>> RegisteredToolsAsync(CancellationToken ct) =>
        [.. (await register.ListAsync(RegisterFilter.None, ct)).Matching.Where(t => t.Status is not ("retired" or PlannedTools.Planned))];
}

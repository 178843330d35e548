using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Requests;

/// <summary><c>/requests/{id}</c>: where a request is, why it has its tier, and everything that happened to it.</summary>
public sealed class StatusModel(ToolApprovalService service, UnionNoticeService unions, PolicyPack pack) : PageModel
{
    public RequestView? View { get; private set; }

    public ProblemView? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        // The address is the requester's link to the request: kept out of caches, search engines and Referer headers.
        LinkPageHeaders.Apply(this);
        if (await service.GetAsync(id, ct) is { State.CaseOrNull: not null } snapshot)
        {
            // Issue 17 §4, issue 19.2: people and their words are shown to the request's insiders only.
            var insider = RequestAudience.IsInsider(User, snapshot.State.CaseOrNull.Form, pack);
            View = RequestView.From(snapshot, pack, union: await unions.ForRequestAsync(snapshot.State, ct), insider: insider);
            return Page();
        }
        Problem = ProblemView.NoSuchRequest(id);
        Response.StatusCode = Problem.Status;
        return Page();
    }
}

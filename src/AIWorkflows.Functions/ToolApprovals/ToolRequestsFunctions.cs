using AIWorkflows.App.Reassessments;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// Tool requests and their reviews (DESIGN §5) as HTTP-trigger functions: the JSON API, the request pages
/// (<c>/requests</c>, <c>/requests/new</c>, <c>/requests/{id}</c>), and the emailed links' pages for reviewers
/// (<c>/tasks/{token}</c>) and requesters (<c>/respond/{token}</c>). The logic is <see cref="ToolApprovalService"/>'s;
/// these read the request, check who sends it (no middleware runs in Azure) and answer it.
/// </summary>
public sealed partial class ToolRequestsFunctions(
    ToolApprovalService service, ToolLifecycleService tools, UnionNoticeService unions, RequestDocumentService documents, PolicyPack pack);

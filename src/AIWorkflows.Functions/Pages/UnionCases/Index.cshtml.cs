using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;
using static AIWorkflows.App.UnionNotices.UnionNoticeService;

namespace AIWorkflows.App.Pages.UnionCases;

/// <summary>
/// <c>/union-cases</c>: labor relations opens a notice on any registered tool, and classifies the tools whose
/// impact on working conditions is unknown (federal imports): no, or yes with a notice (Sacramento VI.A.7).
/// </summary>
[Authorize(Roles = Roles.LaborRelations)]
public sealed class IndexModel(UnionNoticeService service, PublicRegister register, PolicyPack pack, DurableTaskClient client) : PageModel
{
    public IReadOnlyList<UnclassifiedTool> Unclassified { get; private set; } = [];

    public IReadOnlyList<InventoryEntry> Tools { get; private set; } = [];

    public IReadOnlyList<ChoiceOption> Organizations => [.. (pack.Union?.Organizations ?? []).Select(o => new ChoiceOption(o.Id, o.Name, null))];

    public static IReadOnlyList<string> Order { get; } = ["toolId", "impact", "organizationIds"];

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public string? Message { get; private set; }

    public string? NoticeId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostClassifyAsync(CancellationToken ct)
    {
        var input = new ClassifyInput(Request.Form["toolId"].ToString(), Request.Form["impact"].ToString(), [.. Request.Form["organizationIds"].Select(v => v ?? "")]);
        switch (await service.ClassifyAsync(client, input, User.Email() ?? "labor relations", ct))
        {
            case ClassifyResult.Noticed n: (Message, NoticeId) = (n.Message, n.Notice.NoticeId); break;
            case ClassifyResult.Classified c: Message = c.Message; break;
            case ClassifyResult.Invalid i:
                Errors = new FormErrors(i.Errors, Order);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Unclassified = await UnionNoticeService.UnclassifiedAsync(register, ct);
        Tools = [.. (await register.ListAsync(RegisterFilter.None, ct)).Matching.Where(t => t.Status is not ("retired" or PlannedTools.Planned))];
    }
}

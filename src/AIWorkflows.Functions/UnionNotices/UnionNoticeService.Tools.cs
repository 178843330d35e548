using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Domain.UnionNotices;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.UnionNotices;

// Sacramento VI.A.7: a notice or meet-and-confer case on any registered tool, including tools no approval
// noticed and tools imported from the federal inventory; "failure to provide prior notice shall not preclude
// the REO from requesting to meet and confer upon learning of such implementation".
public sealed partial class UnionNoticeService
{
    /// <summary>Labor relations opens a notice on a registered tool to the organizations it chooses.</summary>
    public sealed record OpenInput(string? ToolId, IReadOnlyList<string>? OrganizationIds);

    /// <summary>An organization asks to meet and confer on a registered tool; its contact and the impact it sees.</summary>
    public sealed record RequestInput(string? ToolId, string? OrganizationId, string? Email, string? Impact);

    public static IReadOnlyList<string> RequestFields { get; } = ["toolId", "organizationId", "email", "impact"];

    /// <summary>The notice a case on this tool belongs to: its approval's when that noticed, else one per tool.</summary>
    public async Task<string> NoticeIdForToolAsync(ToolProfile tool, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (tool.RequestId is { } requestId && await store.LoadAsync(UnionGate.NoticeId(requestId), false, ct) is { State: not UnionNotice.None })
            return UnionGate.NoticeId(requestId);
        return "union-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tool.ToolId)))[..16];
    }

    public async Task<CaseResult> OpenOnToolAsync(DurableTaskClient client, OpenInput input, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tool = await RegisteredToolAsync(input.ToolId, errors, ct);
        var ids = (input.OrganizationIds ?? []).Select(i => i?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0 || ids.Any(id => pack.Union?.Organizations.Any(o => o.Id == id) != true))
            errors["organizationIds"] = ["Choose one or more of the city's recognized employee organizations."];
        if (errors.Count > 0 || tool is null) return new CaseResult.Invalid(errors);

        var noticeId = await NoticeIdForToolAsync(tool, ct);
        var command = new UnionNoticeCommand.OpenOnTool(noticeId, Noticed(tool), [.. ids], null, by, "", clock.GetUtcNow());
        var d = await SendOrStartAsync(client, noticeId, command, ct);
        if (d.NewEvents.Count == 0)
            return new CaseResult.Invalid(new() { ["toolId"] = [$"This tool already has a union notice ({noticeId}): open its case to follow it."] });
        // Noticing the organizations settles an unknown impact: labor relations judged it more than de minimis.
        if (tool.ImpactIsUnknown) await tools.ClassifyImpactAsync(client, tool.ToolId, affects: true, by, ct);
        return new CaseResult.Done(UnionNoticeView.From(d.State, calendar, detailed: true), $"Notice of {tool.Name} sent to {ids.Count} organization(s).");
    }

    /// <summary>
    /// An organization's public request. It opens a case that labor relations handles (or joins the tool's notice),
    /// and nothing else: the tool, its status and its roll-out are untouched.
    /// </summary>
    public async Task<CaseResult> RequestOnToolAsync(DurableTaskClient client, RequestInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var tool = await RegisteredToolAsync(input.ToolId, errors, ct);
        var organization = pack.Union?.Organizations.FirstOrDefault(o => o.Id == input.OrganizationId?.Trim());
        if (organization is null) errors["organizationId"] = ["Choose your organization from the list."];
        // The contact reaches a mail to labor relations: one line, and an address.
        var email = input.Email?.Trim() ?? "";
        if (!SingleLineText.IsValid(input.Email)) errors["email"] = [SingleLineText.Refusal];
        else if (email.Length is 0 or > 200 || !MailAddress.TryCreate(email, out var a) || a.Address != email) errors["email"] = ["Enter the email address labor relations should answer."];
        var impact = Text(input.Impact, "impact", "Describe how the tool affects the working conditions of the employees you represent.", ToolRequestValidator.MaxText, errors);
        if (errors.Count > 0 || tool is null || organization is null) return new CaseResult.Invalid(errors);

        var noticeId = await NoticeIdForToolAsync(tool, ct);
        var command = new UnionNoticeCommand.OpenOnTool(noticeId, Noticed(tool), [], organization.Id, email, impact, clock.GetUtcNow());
        var d = await SendOrStartAsync(client, noticeId, command, ct);
        if (d.NewEvents.Count == 0)
        {
            var why = d.State.CaseOrNull?.Organization(organization.Id) is { Answer: null, Case: null }
                ? $"The city sent your organization notice of this tool by email, with a link of its own: answer there, so that your request holds the roll-out as the policy allows. If the mail is lost, ask labor relations ({LaborRelations}) to send it again."
                : UnionNoticeDecider.Refusal(d.State, organization.Id) ?? "Your request could not be recorded: write to labor relations.";
            return new CaseResult.Invalid(new() { ["organizationId"] = [why] });
        }
        return new CaseResult.Done(UnionNoticeView.From(d.State, calendar, detailed: false),
            $"Your request to meet and confer on {tool.Name} is recorded; labor relations ({LaborRelations}) will contact you at {email}.");
    }

    private async Task<Storage.Deciding.Decision<UnionNotice, UnionNoticeEvent>> SendOrStartAsync(
        DurableTaskClient client, string noticeId, UnionNoticeCommand command, CancellationToken ct) =>
        await store.LoadAsync(noticeId, false, ct) is { State: not UnionNotice.None }
            ? await store.SendAsync(client, noticeId, command, ct)
            : await store.StartAsync(client, noticeId, command, mayExist: true, ct);

    private async Task<ToolProfile?> RegisteredToolAsync(string? toolId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (toolId is { } id && await tools.GetAsync(id.Trim(), false, ct) is { State: ToolLifecycle.InService { Profile: var p } }) return p;
        errors["toolId"] = ["Choose a tool from the city's register."];
        return null;
    }

    private static NoticedTool Noticed(ToolProfile t) =>
        new(t.RequestId ?? "", t.ToolId, t.Name, t.Vendor, t.Department, t.Purpose, t.OwnerEmail, [], null);
}

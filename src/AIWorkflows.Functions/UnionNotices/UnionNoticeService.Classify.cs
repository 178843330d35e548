using AIWorkflows.App.Inventory;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.UnionNotices;

// Sacramento VI.A.7: tools registered without the city's question about working conditions (federal imports)
// are listed for labor relations, who classify them: no, or yes, which notices the organizations at once.
public sealed partial class UnionNoticeService
{
    public sealed record UnclassifiedTool(string ToolId, string Name, string Vendor, string Department, string Status, string Origin, string? ExternalId);

    public sealed record ClassifyInput(string? ToolId, string? Impact, IReadOnlyList<string>? OrganizationIds);

    public abstract record ClassifyResult
    {
        public sealed record Noticed(UnionNoticeView Notice, string Message) : ClassifyResult;

        public sealed record Classified(string ToolId, string Impact, string Message) : ClassifyResult;

        public sealed record Invalid(Dictionary<string, string[]> Errors) : ClassifyResult;

        private ClassifyResult() { }
    }

    public static async Task<IReadOnlyList<UnclassifiedTool>> UnclassifiedAsync(PublicRegister register, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(register);
        return [.. (await register.ListAsync(RegisterFilter.None, ct)).Matching
            .Where(t => t.WorkingConditionsImpact == Domain.Reassessments.ToolProfile.ImpactUnknown && t.Status != "retired")
            .Select(t => new UnclassifiedTool(t.ToolId, t.Name, t.Vendor, t.Department, t.Status, t.Origin, t.ExternalId))];
    }

    /// <summary>"no" records the classification; "yes" opens the notice to the organizations chosen and records it.</summary>
    public async Task<ClassifyResult> ClassifyAsync(DurableTaskClient client, ClassifyInput input, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        switch (input.Impact)
        {
            case "yes":
                return await OpenOnToolAsync(client, new OpenInput(input.ToolId, input.OrganizationIds), by, ct) switch
                {
                    CaseResult.Done d => new ClassifyResult.Noticed(d.Notice, d.Message),
                    CaseResult.Invalid i => new ClassifyResult.Invalid(i.Errors),
                    _ => throw new InvalidOperationException("Unknown result."),
                };
            case "no":
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                if (await RegisteredToolAsync(input.ToolId, errors, ct) is not { } tool) return new ClassifyResult.Invalid(errors);
                if (!tool.ImpactIsUnknown || !await tools.ClassifyImpactAsync(client, tool.ToolId, affects: false, by, ct))
                    return new ClassifyResult.Invalid(new() { ["toolId"] = ["This tool's impact on working conditions is already classified."] });
                return new ClassifyResult.Classified(tool.ToolId, "no", $"{tool.Name}: no more than a de minimis impact on working conditions, as labor relations classified it.");
            default:
                return new ClassifyResult.Invalid(new() { ["impact"] = ["Choose yes (notice the organizations) or no."] });
        }
    }
}

using AIWorkflows.App.Tokens;
using Microsoft.Extensions.Options;
using AIWorkflows.App.ToolApprovals;

namespace AIWorkflows.App.Reassessments;

/// <summary>Signed links for re-assessment tasks (owner attestation, AI officer review) and the tool's public page.</summary>
public sealed class LifecycleLinks(TaskTokenService tokens, IOptions<AppOptions> options)
{
    public const string Purpose = "reassessment";

    private readonly string _base = options.Value.BaseUrl.ToString().TrimEnd('/');

    public string Task(string toolId, string taskId, string assignee, DateTimeOffset from) =>
        $"{_base}/reassess/{Uri.EscapeDataString(tokens.Issue(Purpose, toolId, taskId, assignee, from + LinkTokens.Lifetime))}";

    public string Tool(string toolId) => $"{_base}/inventory/{Uri.EscapeDataString(toolId)}";
}

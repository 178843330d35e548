using AIWorkflows.App.Tokens;
using Microsoft.Extensions.Options;
using AIWorkflows.App.ToolApprovals;

namespace AIWorkflows.App.Reassessments;

/// <summary>Signed links for re-assessment tasks (owner attestation, AI officer review), incident triage and the tool's public page.</summary>
public sealed class LifecycleLinks(TaskTokenService tokens, IOptions<AppOptions> options)
{
    public const string Purpose = "reassessment";

    /// <summary>The AI officer's link to confirm or dismiss an incident reported by someone not signed in.</summary>
    public const string TriagePurpose = "incident_triage";

    private readonly string _base = options.Value.BaseUrl.ToString().TrimEnd('/');

    public string Task(string toolId, string taskId, string assignee, DateTimeOffset from) =>
        $"{_base}/reassess/{Uri.EscapeDataString(tokens.Issue(Purpose, toolId, taskId, assignee, from + LinkTokens.Lifetime))}";

    public string Triage(string toolId, string taskId, string officer, DateTimeOffset from) =>
        $"{_base}/triage/{Uri.EscapeDataString(tokens.Issue(TriagePurpose, toolId, taskId, officer, from + LinkTokens.Lifetime))}";

    public string Tool(string toolId) => $"{_base}/inventory/{Uri.EscapeDataString(toolId)}";
}

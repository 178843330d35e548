using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>The signed tokens in the links a request's emails carry: one per reviewer task, one for the requester.</summary>
public sealed class LinkTokens(TaskTokenService tokens)
{
    public const string RequesterPurpose = "requester";

    // Links outlive the escalation by weeks: a late reviewer should meet a clear page, not a dead link.
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(60);

    public string Task(string requestId, ReviewTask task) =>
        tokens.Issue(TokenPurposes.Task, requestId, task.TaskId, task.ReviewerEmail, task.OpenedAt + Lifetime);

    public string Requester(string requestId, string requesterEmail, DateTimeOffset from) =>
        tokens.Issue(RequesterPurpose, requestId, "requester", requesterEmail, from + Lifetime);
}

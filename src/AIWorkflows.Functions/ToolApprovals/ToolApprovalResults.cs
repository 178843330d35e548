using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Deciding;

namespace AIWorkflows.App.ToolApprovals;

public abstract record SubmitResult
{
    public sealed record Created(Snapshot<ToolApproval, ToolApprovalEvent> Request) : SubmitResult;

    /// <summary>The same Idempotency-Key and body again: the request already stored.</summary>
    public sealed record Replayed(Snapshot<ToolApproval, ToolApprovalEvent> Request) : SubmitResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors) : SubmitResult;

    /// <summary>The pack forbids this use outright; nothing was stored. <c>Assumed</c>: blank answers the prohibitions counted.</summary>
    public sealed record Prohibited(IReadOnlyList<ProhibitedUse> Uses, IReadOnlyList<AssumedAnswer> Assumed) : SubmitResult;

    public sealed record KeyReused : SubmitResult;

    private SubmitResult() { }
}

/// <summary>What a task or requester link gives access to, or why it gives none.</summary>
public abstract record LinkAccess
{
    public sealed record Granted(TaskTokenPayload Payload, Snapshot<ToolApproval, ToolApprovalEvent> Request) : LinkAccess;

    /// <summary>A clear refusal for a person: the status code, a title and what to do.</summary>
    public sealed record Refused(int Status, string Title, string Detail, Snapshot<ToolApproval, ToolApprovalEvent>? Request = null) : LinkAccess;

    private LinkAccess() { }
}

public abstract record ActResult
{
    public sealed record Done(string RequestId, ToolApproval State, string Message) : ActResult;

    public sealed record Invalid(Dictionary<string, string[]> Errors, LinkAccess Access) : ActResult;

    public sealed record Refused(LinkAccess.Refused Why) : ActResult;

    private ActResult() { }
}

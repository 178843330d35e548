using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Deciding;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;

namespace AIWorkflows.App.ToolApprovals;

public sealed partial class ToolApprovalService
{
    public static readonly IReadOnlyDictionary<string, Verdict> Verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal)
    {
        ["approve"] = Verdict.Approve,
        ["approve_with_conditions"] = Verdict.ApproveWithConditions,
        ["request_remediation"] = Verdict.RequestRemediation,
        ["reject"] = Verdict.Reject,
    };

    /// <summary>Reads what a link opens. Never changes state: mail scanners fetch links before people do.</summary>
    public async Task<LinkAccess> OpenAsync(string? token, string purpose, CancellationToken ct)
    {
        switch (tokens.Verify(token, purpose))
        {
            case TokenVerification.Valid v:
                var request = await store.LoadAsync(v.Payload.InstanceId, includeEvents: true, ct);
                if (request is null) return NotValid();
                if (purpose == TokenPurposes.Task
                    && ToolApprovalDecider.Refusal(request.State, v.Payload.TaskId, v.Payload.Subject) is { } why)
                    return Spent(TaskRefusal(request.State, v.Payload, why, request), purpose);
                if (purpose == LinkTokens.RequesterPurpose && request.State is not (ToolApproval.InReview or ToolApproval.InRemediation))
                    return Spent(new LinkAccess.Refused(StatusCodes.Status410Gone, "This request is closed",
                        $"The request is {request.State.Status.Replace('_', ' ')}; nothing more can be changed.", request), purpose);
                return new LinkAccess.Granted(v.Payload, request);
            case TokenVerification.Expired:
                return new LinkAccess.Refused(StatusCodes.Status410Gone, "This link has expired",
                    "Links in our emails stop working after 60 days. Ask the AI officer to send a new one.");
            default:
                return NotValid();
        }
    }

    /// <summary>A genuine link the request's state refuses: the title says why in plain words (spent, someone else's, closed).</summary>
    private static LinkAccess.Refused TaskRefusal(ToolApproval state, TaskTokenPayload p, string why, Snapshot<ToolApproval, ToolApprovalEvent>? request) =>
        state.CaseOrNull?.Task(p.TaskId) switch
        {
            { } t when !string.Equals(t.ReviewerEmail.Trim(), p.Subject.Trim(), StringComparison.OrdinalIgnoreCase) =>
                new(StatusCodes.Status403Forbidden, "This link is for another reviewer", why + " Use the link in the email sent to you.", request),
            { Superseded: false, Outcome: not null } => new(StatusCodes.Status410Gone, "This decision was already recorded", why, request),
            _ => new(StatusCodes.Status410Gone, "This review link can no longer be used", why, request),
        };

    // Genuine links refused by the workflow's state are logged like forged ones (TaskTokenService), never with the token.
    private LinkAccess.Refused Spent(LinkAccess.Refused refused, string purpose)
    {
        LinkRefused(log, refused.Status, refused.Title, purpose, refused.Request?.InstanceId);
        return refused;
    }

    [LoggerMessage(LogLevel.Warning, "Link refused by the request's state: {Status} {Title} (purpose {Purpose}, request {RequestId})")]
    private static partial void LinkRefused(ILogger logger, int status, string title, string purpose, string? requestId);

    private static LinkAccess.Refused NotValid() => new(StatusCodes.Status404NotFound, "This link is not valid",
        "Check that the whole link was copied from the email. If it still does not open, ask the AI officer for a new one.");

    /// <summary>
    /// Records a reviewer's decision. The token proves who and which task; the decider, not a
    /// prior read, decides whether the task is still open, so a decision costs one read and one write.
    /// </summary>
    public async Task<ActResult> DecideAsync(string? token, string? decision, string? comments, CancellationToken ct)
    {
        var verified = tokens.Verify(token, TokenPurposes.Task);
        if (verified is not TokenVerification.Valid { Payload: var p }) return new ActResult.Refused((LinkAccess.Refused)await OpenAsync(token, TokenPurposes.Task, ct));

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (decision is null || !Verdicts.TryGetValue(decision, out var verdict))
        {
            errors["decision"] = ["Choose approve, approve with conditions, request remediation or reject."];
            verdict = default;
        }
        comments = comments?.Trim() ?? "";
        if (verdict is not Verdict.Approve && errors.Count == 0 && comments.Length == 0)
            errors["comments"] = ["Say why: the requester and the record need the reasons for this decision."];
        if (comments.Length > ToolRequestValidator.MaxText) errors["comments"] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
        else if (ToolRequestValidator.HasControlCharacters(comments)) errors["comments"] = ["Remove control characters."];
        if (errors.Count > 0) return new ActResult.Invalid(errors, await OpenAsync(token, TokenPurposes.Task, ct));

        var result = await store.HandleAsync(p.InstanceId, new RecordReview(p.TaskId, p.Subject, verdict, comments, clock.GetUtcNow()), ct);
        var recorded = $"Your decision ({decision!.Replace('_', ' ')}) is recorded. Thank you.";
        if (result.NewEvents.Count > 0) return new ActResult.Done(p.InstanceId, result.State, recorded);
        // The very same decision again (a double click, or a retry after a commit that landed but whose answer was
        // lost) is what the record already says: the reviewer is told it is recorded, not that it was refused.
        if (IsRecordedAlready(result.State, p, verdict, comments)) return new ActResult.Done(p.InstanceId, result.State, recorded);
        var why = ToolApprovalDecider.Refusal(result.State, p.TaskId, p.Subject) ?? "The decision could not be recorded.";
        // The decider refuses only links that can no longer act (decided, replaced, someone else's, request closed).
        var refused = TaskRefusal(result.State, p, why, request: null);
        // A decision that arrives too late says so in its title; the detail says why (e.g. already recorded, and when).
        return new ActResult.Refused(Spent(refused.Status == StatusCodes.Status410Gone ? refused with { Title = "Your decision was not recorded" } : refused, TokenPurposes.Task));
    }

    private static bool IsRecordedAlready(ToolApproval state, TaskTokenPayload p, Verdict verdict, string comments) =>
        state.CaseOrNull?.Task(p.TaskId) is { Superseded: false, Outcome: { } o }
        && o.Verdict == verdict
        && string.Equals(o.Comments, comments, StringComparison.Ordinal)
        && string.Equals(o.By.Trim(), p.Subject.Trim(), StringComparison.OrdinalIgnoreCase);

    public async Task<ActResult> RespondAsync(string? token, string? action, string? response, CancellationToken ct)
    {
        var access = await OpenAsync(token, LinkTokens.RequesterPurpose, ct);
        if (access is LinkAccess.Refused r) return new ActResult.Refused(r);
        var granted = (LinkAccess.Granted)access;
        var p = granted.Payload;
        response = response?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (action is not ("resubmit" or "withdraw")) errors["action"] = ["Choose to resubmit or to withdraw the request."];
        if (response.Length == 0) errors["response"] = [action == "withdraw" ? "Say why the request is withdrawn." : "Say what was changed in answer to the findings."];
        if (response.Length > ToolRequestValidator.MaxText) errors["response"] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
        else if (ToolRequestValidator.HasControlCharacters(response)) errors["response"] = ["Remove control characters."];
        if (action == "resubmit" && granted.Request.State is not ToolApproval.InRemediation && errors.Count == 0)
            errors["action"] = ["Nothing to resubmit: the request is not waiting on you."];
        if (errors.Count > 0) return new ActResult.Invalid(errors, granted);

        ToolApprovalCommand command = action == "withdraw"
            ? new Withdraw(p.Subject, response, clock.GetUtcNow())
            : new Resubmit(p.Subject, response, null, clock.GetUtcNow());
        var result = await store.HandleAsync(p.InstanceId, command, ct);
        return result.NewEvents.Count == 0
            ? new ActResult.Refused(new LinkAccess.Refused(StatusCodes.Status409Conflict, "Nothing was changed",
                $"The request is {result.State.Status.Replace('_', ' ')}."))
            : new ActResult.Done(p.InstanceId, result.State, action == "withdraw" ? "The request is withdrawn." : "The request is back with the reviewers.");
    }
}

using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Deciding;
using Microsoft.DurableTask.Client;
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
                // The requester may still withdraw while the unions are noticed (the decider allows it, and the
                // affected organizations are told the notice is withdrawn); only a decided request is closed.
                if (purpose == LinkTokens.RequesterPurpose && request.State is not (ToolApproval.InReview or ToolApproval.InRemediation or ToolApproval.AwaitingUnion))
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
    public async Task<ActResult> DecideAsync(DurableTaskClient client, string? token, string? decision, string? comments, CancellationToken ct)
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

        var result = await store.SendAsync(client, p.InstanceId, new RecordReview(p.TaskId, p.Subject, verdict, comments, clock.GetUtcNow()), ct);
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

    public async Task<ActResult> RespondAsync(DurableTaskClient client, string? token, string? action, string? response, CancellationToken ct)
    {
        var access = await OpenAsync(token, LinkTokens.RequesterPurpose, ct);
        response = response?.Trim() ?? "";
        if (tokens.Verify(token, LinkTokens.RequesterPurpose) is TokenVerification.Valid { Payload: var holder }
            && RespondedAlready(access switch { LinkAccess.Granted g => g.Request, LinkAccess.Refused f => f.Request, _ => null }, holder, action, response) is { } again)
            return again;
        if (access is LinkAccess.Refused r) return new ActResult.Refused(r);
        var granted = (LinkAccess.Granted)access;
        var p = granted.Payload;
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
        var result = await store.SendAsync(client, p.InstanceId, command, ct);
        if (result.NewEvents.Count == 0 && RespondedAlready(new(p.InstanceId, result.State, result.Version, []), p, action, response) is { } raced) return raced;
        return result.NewEvents.Count == 0
            ? new ActResult.Refused(new LinkAccess.Refused(StatusCodes.Status409Conflict, "Nothing was changed",
                $"The request is {result.State.Status.Replace('_', ' ')}."))
            : new ActResult.Done(p.InstanceId, result.State, action == "withdraw" ? "The request is withdrawn." : "The request is back with the reviewers.");
    }

    /// <summary>
    /// The very same response posted again (a double click, or a retry after a commit that landed but whose answer
    /// was lost) is what the request already records: it is answered as done, and records nothing. A withdrawal is
    /// in the state; a resubmission only in the history read with the link (a repeat that raced the first is refused).
    /// </summary>
    private static ActResult.Done? RespondedAlready(Snapshot<ToolApproval, ToolApprovalEvent>? request, TaskTokenPayload p, string? action, string response)
    {
        if (request is null) return null;
        bool Same(string by, string said) => string.Equals(by.Trim(), p.Subject.Trim(), StringComparison.OrdinalIgnoreCase) && string.Equals(said, response, StringComparison.Ordinal);
        if (action == "withdraw" && request.State is ToolApproval.Withdrawn w && Same(w.By, w.Reason))
            return new ActResult.Done(p.InstanceId, request.State, "The request is withdrawn.");
        // A resubmission answers the latest remediation; once the request is back in remediation it may be sent again.
        if (action == "resubmit" && request.State is not ToolApproval.InRemediation
            && request.Events.LastOrDefault(e => e.Event is ToolApprovalEvent.Resubmitted)?.Event is ToolApprovalEvent.Resubmitted again && Same(again.By, again.Response))
            return new ActResult.Done(p.InstanceId, request.State,
                request.State is ToolApproval.InReview ? "The request is back with the reviewers." : "Your response is recorded.");
        return null;
    }
}

namespace PlainApp.ToolApprovals;

/// <summary>What the requester submits (the fields a plain app keeps; the rest of our form is ignored).</summary>
public sealed record ToolRequest(string? ToolName, string? Vendor, string? Department, string? RequesterEmail, string? Purpose);

/// <summary>The orchestration's input: the request as accepted, with its ids and its reviewers' addresses (role to email).</summary>
public sealed record ApprovalStarted(string RequestId, string ToolId, ToolRequest Request, IReadOnlyDictionary<string, string> Reviewers, DateTime SubmittedAt);

/// <summary>A reviewer's decision, raised as the event <c>Review.{role}</c>.</summary>
public sealed record Review(string Role, string Decision, string? Comments, DateTime At)
{
    public bool Approves => Decision == "approve";
}

/// <summary>The status row the status endpoint reads.</summary>
public sealed record StatusUpdate(string RequestId, string ToolName, string Status, DateTime At);

/// <summary>What the decision record keeps.</summary>
public sealed record DecisionRecord(ApprovalStarted Request, string Outcome, IReadOnlyList<Review> Reviews, DateTime DecidedAt);

/// <summary>A tool to put in the register, and when its first re-assessment is due.</summary>
public sealed record ToolRegistration(string ToolId, string ToolName, string OwnerEmail, string RequestId, DateTime RegisteredAt);

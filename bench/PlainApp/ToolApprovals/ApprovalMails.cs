using PlainApp.Mail;

namespace PlainApp.ToolApprovals;

/// <summary>The approval's six mails: received, a review request to each of the four reviewers, the outcome.</summary>
public static class ApprovalMails
{
    public static PlainMail Received(ApprovalStarted s) =>
        new(s.Request.RequesterEmail!, $"Request received: {s.Request.ToolName}", $"Your request {s.RequestId} for {s.Request.ToolName} is in review.");

    public static PlainMail ReviewRequested(ApprovalStarted s, string role) =>
        new(s.Reviewers[role], $"Decision needed: {s.Request.ToolName}",
            $"{s.Request.RequesterEmail} asks to use {s.Request.ToolName} ({s.Request.Vendor}) in {s.Request.Department}: {s.Request.Purpose}\nPost your decision here:",
            $"api/requests/{s.RequestId}/reviews/{role}");

    public static PlainMail Outcome(ApprovalStarted s, string outcome) =>
        new(s.Request.RequesterEmail!, $"Request {outcome}: {s.Request.ToolName}", $"Your request {s.RequestId} for {s.Request.ToolName} is {outcome}.");
}

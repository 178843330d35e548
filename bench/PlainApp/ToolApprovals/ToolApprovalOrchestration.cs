using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PlainApp.Mail;
using PlainApp.Reassessments;

namespace PlainApp.ToolApprovals;

// A high-tier tool approval as a plain Durable Functions app writes it: the department director
// reviews first, then the AI officer, security officer and city attorney together; each effect is
// an activity of its own, awaited in turn; the progress is the orchestration's custom status.
public static class ToolApprovalOrchestration
{
    public static string ReviewEvent(string role) => $"Review.{role}";

    [Function(nameof(ToolApprovalOrchestration))]
    public static async Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = context.GetInput<ApprovalStarted>()!;
        var (id, form) = (started.RequestId, started.Request);
        await context.CallActivityAsync(nameof(ToolApprovalActivities.WriteStatus), new StatusUpdate(id, form.ToolName!, "in review", context.CurrentUtcDateTime));
        await context.CallActivityAsync(nameof(MailActivities.SendMail), ApprovalMails.Received(started));
        await context.CallActivityAsync(nameof(MailActivities.SendMail), ApprovalMails.ReviewRequested(started, Roles.Director));

        var reviews = new List<Review>();
        context.SetCustomStatus($"awaiting {Roles.Director}");
        var director = await context.WaitForExternalEvent<Review>(ReviewEvent(Roles.Director));
        reviews.Add(director);
        if (director.Approves)
        {
            // Fan-out: the three mails go out together, and the three reviews are awaited in any order.
            await Task.WhenAll(Roles.AfterDirector.Select(r => context.CallActivityAsync(nameof(MailActivities.SendMail), ApprovalMails.ReviewRequested(started, r))));
            var pending = Roles.AfterDirector.ToDictionary(r => context.WaitForExternalEvent<Review>(ReviewEvent(r)), r => r);
            context.SetCustomStatus($"awaiting {string.Join(", ", pending.Values)}");
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending.Keys);
                pending.Remove(done);
                reviews.Add(await done);
                context.SetCustomStatus(pending.Count > 0 ? $"awaiting {string.Join(", ", pending.Values)}" : "deciding");
            }
        }

        var outcome = reviews.All(r => r.Approves) ? "approved" : "rejected";
        var now = context.CurrentUtcDateTime;
        await context.CallActivityAsync(nameof(ToolApprovalActivities.WriteDecisionRecord), new DecisionRecord(started, outcome, reviews, now));
        await context.CallActivityAsync(nameof(ToolApprovalActivities.WriteStatus), new StatusUpdate(id, form.ToolName!, outcome, now));
        if (outcome == "approved")
        {
            var cycle = await context.CallActivityAsync<ReassessmentCycle>(
                nameof(ToolApprovalActivities.RegisterTool), new ToolRegistration(started.ToolId, form.ToolName!, form.RequesterEmail!, id, now));
            await context.CallActivityAsync(nameof(ReassessmentActivities.StartReassessments), new[] { cycle });
        }
        await context.CallActivityAsync(nameof(MailActivities.SendMail), ApprovalMails.Outcome(started, outcome));
        context.SetCustomStatus(outcome);
        return outcome;
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using PlainApp.Mail;

namespace PlainApp.Reassessments;

// A registered tool's re-assessment as an eternal orchestration, one per tool (the Durable samples'
// "eternal orchestration" pattern): a durable timer to the day the owner is asked, the owner's
// attestation and the AI officer's review as external events, the record and the register line as
// activities, then ContinueAsNew with the next due date.
public static class ReassessmentOrchestration
{
    public const string Attested = "Attested";
    public const string Reviewed = "Reviewed";

    [Function(nameof(ReassessmentOrchestration))]
    public static async Task Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cycle = context.GetInput<ReassessmentCycle>()!;
        var askAt = cycle.DueAt - cycle.AskAhead;
        context.SetCustomStatus($"cycle {cycle.Cycle}: asleep until {askAt:O}");
        if (askAt > context.CurrentUtcDateTime) await context.CreateTimer(askAt, CancellationToken.None);

        await Task.WhenAll(
            context.CallActivityAsync(nameof(MailActivities.SendMail), ReassessmentMails.AttestationRequested(cycle)),
            context.CallActivityAsync(nameof(MailActivities.SendMail), ReassessmentMails.OfficerNotified(cycle)));
        context.SetCustomStatus($"cycle {cycle.Cycle}: awaiting attestation");
        var attestation = await context.WaitForExternalEvent<Attestation>(Attested);

        await context.CallActivityAsync(nameof(MailActivities.SendMail), ReassessmentMails.ReviewRequested(cycle, attestation));
        context.SetCustomStatus($"cycle {cycle.Cycle}: awaiting review");
        var review = await context.WaitForExternalEvent<ReassessmentReview>(Reviewed);

        await context.CallActivityAsync(nameof(ReassessmentActivities.WriteReassessmentRecord), new ReassessmentRecord(cycle, attestation, review));
        var next = cycle.Next();
        await context.CallActivityAsync(nameof(ReassessmentActivities.UpdateRegister), next);
        // A fresh history per cycle, so a tool kept for years does not replay years of cycles.
        context.ContinueAsNew(next);
    }
}

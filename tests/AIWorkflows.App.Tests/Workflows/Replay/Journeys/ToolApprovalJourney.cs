using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

internal sealed class ToolApprovalJourney : RecordedJourney
{
    public override string Orchestrator => nameof(ToolApprovalOrchestration);

    public override string InstanceId => "req-1";

    public override string Story =>
        "A request is submitted; its first review reminder falls due (a durable timer fires); each reviewer approves in turn "
        + "(ReviewSubmitted), a stage's last approval opening the next stage's reviews, until the request is approved and the instance completes.";

    private static ToolRequestForm Form() => new(
        "CaseNotes Assistant", "Acme AI", "Utilities", "pat.lee@cityofsacramento.example", "Summarize case notes.", "A supervisor reads each.",
        ["internal"], PublicFacing: false, GenerativeAi: false, AffectsWorkingConditions: false, Impersonation: false, LawEnforcement: false,
        DecisionImpact: "assistive", Stage: "pilot", AffectedClassifications: [], Answers: AppClient.SacramentoAnswers());

    public override async Task DriveAsync(JourneyDriver drive)
    {
        ToolApprovalCommand submit = new ToolApprovalCommand.Submit(InstanceId, "tool-1", Form(), Start);
        // The app's clock reads three seconds before the first reminder: its timer fires during the journey.
        var remindAt = FirstDeadline(ToolApprovalOrchestration.Rules, submit);
        var skew = AppTimeIs(remindAt.AddSeconds(-3));
        await drive.StartAsync(new WorkflowStart("submit-1", Command(submit), Pack, skew));
        await drive.StepAsync(2);

        var steps = 2;
        while (Read<ToolApproval>(drive.LastStep.After) is ToolApproval.InReview open)
        {
            var task = open.Case.Tasks.First(t => t.IsOpen);
            ToolApprovalCommand review = new ToolApprovalCommand.RecordReview(task.TaskId, task.ReviewerEmail, Verdict.Approve, "ok", remindAt.AddMinutes(steps));
            await drive.SendAsync(ToolApprovalOrchestration.Rules.EventName(review), $"review-{steps - 1}", review, skew);
            await drive.StepAsync(++steps);
        }
        await drive.CompletedAsync();
    }
}

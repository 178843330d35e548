using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Reassessments;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

internal sealed class ToolLifecycleJourney : RecordedJourney
{
    public override string Orchestrator => nameof(ToolLifecycleOrchestration);

    public override string InstanceId => "tool-1";

    public override string Story =>
        "A tool is registered while the app's clock reads seconds before its first review's escalation: the review's opening timer fires at once, "
        + "the owner attests (AttestationSubmitted), the escalation timer fires, and the instance sleeps until the suspension (it completes).";

    private static ToolProfile Profile() => new(
        "tool-1", "req-1", "Transcribe", "Acme", "Utilities", "Transcribe meetings", "Clerk reviews", ["pii"], false, true,
        "assistive", "production", "high", "owner@cityofsacramento.example", [], [], "approval", null);

    public override async Task DriveAsync(JourneyDriver drive)
    {
        ToolLifecycleCommand register = new ToolLifecycleCommand.Register(Profile(), null, Start);
        var decider = ToolLifecycleOrchestration.Rules.Decider(Sacramento);
        var registered = (ToolLifecycle.InService)decider.Decide(register, decider.Initial).Aggregate(decider.Initial, decider.Evolve);
        // Within the sleep horizon of the escalation, so the instance stays awake for the attestation and that timer.
        var escalateAt = registered.Schedule.EscalateAt;
        var skew = AppTimeIs(escalateAt.AddSeconds(-10));
        await drive.StartAsync(new WorkflowStart("register-1", Command(register), Pack, skew));
        var opened = await drive.StepAsync(2);

        var review = ((ToolLifecycle.InService)Read<ToolLifecycle>(opened.After)).Open!;
        ToolLifecycleCommand attest = new ToolLifecycleCommand.Attest(review.OwnerTaskId, "owner@cityofsacramento.example",
            "Meeting minutes only", "None", "None", escalateAt.AddSeconds(-5));
        await drive.SendAsync(ToolLifecycleOrchestration.Rules.EventName(attest), "attest-1", attest, skew);
        await drive.StepAsync(3);
        await drive.CompletedAsync();
    }
}

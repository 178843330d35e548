using AIWorkflows.App.AccessGrants;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.AccessGrants;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

internal sealed class AccessGrantJourney : RecordedJourney
{
    private const string Employee = "sam.ortiz@cityofsacramento.example";
    private const string Sha = "ab12";
    private static readonly DateOnly Trained = DateOnly.FromDateTime(Start.UtcDateTime.AddDays(-3));
    private static readonly Requirements Required = new([new RequiredCourse("ethics", "AI fundamentals and ethics", 12)], "Ethical Use of AI", Sha, true, 30);

    public override string Orchestrator => nameof(AccessGrantOrchestration);

    public override string InstanceId => "grant-1";

    public override string Story =>
        "An employee asks for access; training, the signed agreement and the department head's consent arrive as events and access is granted; "
        + "the renewal reminder falls due (a durable timer fires); the grant is revoked, and the instance waits on (a grant can be asked for again).";

    public override async Task DriveAsync(JourneyDriver drive)
    {
        // The app's clock reads eight seconds before the renewal reminder: its timer fires once access is granted.
        var remindAt = new DateTimeOffset(Trained.AddMonths(12).AddDays(-30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var skew = AppTimeIs(remindAt.AddSeconds(-8));
        AccessGrantCommand request = new RequestAccess(InstanceId, "tool-1", "Minutes Drafter", Employee, "Utilities", Required, new Dictionary<string, DateOnly>(), true, Start);
        await drive.StartAsync(new WorkflowStart("request-1", Command(request), Pack, skew));
        await drive.StepAsync(1);

        AccessGrantCommand[] answers =
        [
            new RecordTraining("ethics", Trained, Start),
            new SignAgreement(Employee, Sha, Start),
            new GiveConsent("director@cityofsacramento.example", true, "", Start),
        ];
        for (var i = 0; i < answers.Length; i++)
        {
            await drive.SendAsync(AccessGrantOrchestration.Rules.EventName(answers[i]), $"answer-{i + 1}", answers[i], skew);
            await drive.StepAsync(i + 2);
        }
        await drive.StepAsync(5);

        AccessGrantCommand revoke = new Revoke("director@cityofsacramento.example", "Left the department", remindAt.AddDays(1));
        await drive.SendAsync(AccessGrantOrchestration.Rules.EventName(revoke), "revoke-1", revoke, skew);
        await drive.StepAsync(6);
    }
}

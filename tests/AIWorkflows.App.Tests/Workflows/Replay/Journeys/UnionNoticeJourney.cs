using AIWorkflows.App.UnionNotices;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.UnionNotices;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

internal sealed class UnionNoticeJourney : RecordedJourney
{
    public override string Orchestrator => nameof(UnionNoticeOrchestration);

    public override string InstanceId => "union-0123456789abcdef";

    public override string Story =>
        "Two organizations are noticed of a tool; the window's reminder falls due (a durable timer fires); each answers that it waives "
        + "(OrganizationAnswered); the clock moves past the earliest go-live (ClockMoved), the roll-out clears and the instance completes.";

    private static NoticedTool Tool() => new("req-1", "tool-1", "Permit Triage Assistant", "Acme AI", "Utilities", "Sort permit applications.",
        "pat.lee@cityofsacramento.example", ["Administrative Analyst", "Program Manager"], new DateOnly(2027, 1, 15));

    public override async Task DriveAsync(JourneyDriver drive)
    {
        UnionNoticeCommand start = new UnionNoticeCommand.Start(InstanceId, Tool(), ["iuoe_local_39", "scxea"], null, Start);
        var remindAt = FirstDeadline(UnionNoticeOrchestration.Rules, start);
        var skew = AppTimeIs(remindAt.AddSeconds(-3));
        await drive.StartAsync(new WorkflowStart("start-1", Command(start), Pack, skew));
        await drive.StepAsync(2);

        var steps = 2;
        foreach (var organization in new[] { "scxea", "iuoe_local_39" })
        {
            UnionNoticeCommand answer = new UnionNoticeCommand.Answer(organization, false, "Alex Rep", "No concerns", remindAt.AddHours(steps));
            await drive.SendAsync(UnionNoticeOrchestration.Rules.EventName(answer), $"answer-{organization}", answer, skew);
            await drive.StepAsync(++steps);
        }

        var goLive = Read<UnionNotice>(drive.LastStep.After).CaseOrNull!.Clock.EarliestGoLiveAt;
        await drive.MoveClockAsync("moved-1", AppTimeIs(goLive.AddDays(1)));
        await drive.CompletedAsync();
    }
}

using AIWorkflows.App.Workflows;
using Microsoft.DurableTask.Protobuf;

namespace AIWorkflows.App.Tests.Workflows.Replay.Journeys;

/// <summary>Runs a journey on the in-memory engine and takes the instance's history once the engine has saved its last episode.</summary>
internal static class JourneyRecorder
{
    public static async Task<RecordedHistory> RecordAsync(RecordedJourney journey)
    {
        var steps = new DeciderTestHost.Steps();
        var run = AppOrchestrators.Named(journey.Orchestrator);
        // Not the constant itself: the Durable analyzer takes a second registration of one activity name in the project for a clash.
        var stepActivity = DeciderOrchestration.StepActivity;
        await using var host = await HistoryRecordingHost.StartAsync(r =>
        {
            r.AddOrchestratorFunc<WorkflowStart, string>(journey.Orchestrator, (context, _) => run(context));
            r.AddActivityFunc<WorkflowStep>(stepActivity, (_, step) => steps.All.Enqueue(step));
        });
        await journey.DriveAsync(new JourneyDriver(host.Client, steps, journey.Orchestrator, journey.InstanceId, journey.Version));
        return new RecordedHistory(journey.File, journey.Orchestrator, journey.InstanceId, journey.Story, await SettledAsync(host, journey.InstanceId));
    }

    // A journey that leaves its instance waiting ends as its last step's activity returns: the episode that
    // takes that result (and sets the next timer) is saved a moment later. Settled: every call answered, and
    // nothing new for a second.
    private static async Task<IReadOnlyList<HistoryEvent>> SettledAsync(HistoryRecordingHost host, string instanceId)
    {
        IReadOnlyList<HistoryEvent> last = [];
        for (int i = 0, quiet = 0; quiet < 5; i++)
        {
            if (i == 150) throw new TimeoutException($"The history of {instanceId} did not settle in 30 s.");
            await Task.Delay(200);
            var now = host.HistoryOf(instanceId);
            var answered = now.Count(e => e.TaskScheduled is not null) == now.Count(e => e.TaskCompleted is not null || e.TaskFailed is not null);
            quiet = now.Count == last.Count && answered ? quiet + 1 : 0;
            last = now;
        }
        return last;
    }
}

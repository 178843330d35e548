using AIWorkflows.App.Workflows;
using Google.Protobuf;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Protobuf;
using Microsoft.DurableTask.Worker.Grpc;
using static Microsoft.DurableTask.Protobuf.HistoryEvent;

namespace AIWorkflows.App.Tests.Workflows.Replay;

/// <summary>
/// Replays a recorded history against orchestrator code the way the Functions host runs an isolated
/// orchestrator (<see cref="GrpcOrchestrationRunner.LoadAndRun(string, ITaskOrchestrator, IServiceProvider?)"/>
/// on an encoded <see cref="OrchestratorRequest"/>), one episode at a time: each episode's events are new
/// and everything before it is past, so the code must first replay the past without non-determinism and
/// then decide exactly what the recorded run decided (the same activities with the same inputs, the same
/// timers, the same completion and output). An in-flight instance meets today's code in the same way.
/// </summary>
internal static class HistoryReplay
{
    /// <summary>Where the code parts from the history, one line per differing episode; empty when it replays as recorded.</summary>
    public static IReadOnlyList<string> Differences(RecordedHistory history, Func<TaskOrchestrationContext, Task<string>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(history);
        var events = history.Events;
        var started = events.First(e => e.EventTypeCase == EventTypeOneofCase.ExecutionStarted).ExecutionStarted;
        var starts = Enumerable.Range(0, events.Count).Where(i => events[i].EventTypeCase == EventTypeOneofCase.OrchestratorStarted).Append(events.Count).ToList();
        var differences = new List<string>();
        for (var k = 0; k + 1 < starts.Count; k++)
        {
            var episode = events.Skip(starts[k]).Take(starts[k + 1] - starts[k]).ToList();
            var request = new OrchestratorRequest { InstanceId = history.InstanceId, ExecutionId = started.OrchestrationInstance.ExecutionId };
            request.PastEvents.AddRange(events.Take(starts[k]));
            request.NewEvents.AddRange(episode.Where(e => !IsDecided(e) && e.EventTypeCase != EventTypeOneofCase.OrchestratorCompleted));

            var encoded = GrpcOrchestrationRunner.LoadAndRun<WorkflowStart, string>(request.ToByteString().ToBase64(), async (ctx, _) => await orchestrator(ctx));
            var response = OrchestratorResponse.Parser.ParseFrom(ByteString.FromBase64(encoded));

            var recorded = episode.Where(IsDecided).Select(Describe).ToList();
            var replayed = response.Actions.Select(Describe).ToList();
            if (recorded.SequenceEqual(replayed, StringComparer.Ordinal)) continue;
            // A replay that throws (non-determinism, an exception) ends in a failed completion: its message says why.
            var failed = response.Actions.FirstOrDefault(a => a.CompleteOrchestration?.FailureDetails is not null)?.CompleteOrchestration.FailureDetails;
            differences.Add($"episode {k + 1} (from event {starts[k]}): "
                + (failed is null ? FirstDifference(recorded, replayed) : $"the replay fails, {failed.ErrorType}: {failed.ErrorMessage}"));
        }
        return differences;
    }

    // The events an episode's actions become when the engine saves it; the rest of an episode is what woke it.
    private static bool IsDecided(HistoryEvent e) => e.EventTypeCase is EventTypeOneofCase.TaskScheduled or EventTypeOneofCase.TimerCreated
        or EventTypeOneofCase.ExecutionCompleted or EventTypeOneofCase.EventSent or EventTypeOneofCase.SubOrchestrationInstanceCreated;

    // An action and the event it was saved as read alike, so a recorded step and a replayed one compare as text.
    private static string Describe(HistoryEvent e) => e.EventTypeCase switch
    {
        EventTypeOneofCase.TaskScheduled => $"#{e.EventId} call {e.TaskScheduled.Name} with {CanonicalJson.Of(e.TaskScheduled.Input)}",
        EventTypeOneofCase.TimerCreated => $"#{e.EventId} timer for {e.TimerCreated.FireAt.ToDateTime():O}",
        EventTypeOneofCase.ExecutionCompleted => $"#{e.EventId} complete {e.ExecutionCompleted.OrchestrationStatus} with {e.ExecutionCompleted.Result}",
        EventTypeOneofCase.EventSent => $"#{e.EventId} send {e.EventSent.Name} to {e.EventSent.InstanceId} with {e.EventSent.Input}",
        EventTypeOneofCase.SubOrchestrationInstanceCreated =>
            $"#{e.EventId} start {e.SubOrchestrationInstanceCreated.Name} as {e.SubOrchestrationInstanceCreated.InstanceId} with {e.SubOrchestrationInstanceCreated.Input}",
        _ => $"#{e.EventId} {e}",
    };

    private static string Describe(OrchestratorAction a) => a.OrchestratorActionTypeCase switch
    {
        OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask => $"#{a.Id} call {a.ScheduleTask.Name} with {CanonicalJson.Of(a.ScheduleTask.Input)}",
        OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer => $"#{a.Id} timer for {a.CreateTimer.FireAt.ToDateTime():O}",
        OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration =>
            $"#{a.Id} complete {a.CompleteOrchestration.OrchestrationStatus} with {a.CompleteOrchestration.Result}"
            + (a.CompleteOrchestration.FailureDetails is { } f ? $" ({f.ErrorType}: {f.ErrorMessage})" : ""),
        OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent => $"#{a.Id} send {a.SendEvent.Name} to {a.SendEvent.Instance.InstanceId} with {a.SendEvent.Data}",
        OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration =>
            $"#{a.Id} start {a.CreateSubOrchestration.Name} as {a.CreateSubOrchestration.InstanceId} with {a.CreateSubOrchestration.Input}",
        _ => $"#{a.Id} {a}",
    };

    // Inputs run to kilobytes (a step's states): show where the first differing pair parts, not all of it.
    private static string FirstDifference(List<string> recorded, List<string> replayed)
    {
        var i = 0;
        while (i < recorded.Count && i < replayed.Count && recorded[i] == replayed[i]) i++;
        var from = i < recorded.Count && i < replayed.Count ? CommonPrefix(recorded[i], replayed[i]) : 0;
        string At(List<string> list) => i < list.Count ? Excerpt(list[i], from) : "(nothing)";
        return $"action {i + 1} of {recorded.Count} recorded / {replayed.Count} replayed: recorded {At(recorded)}; replayed {At(replayed)}";
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n]) n++;
        return n;
    }

    // The action's head (its number, kind and name), then the text around where the two part.
    private static string Excerpt(string text, int from)
    {
        var start = Math.Max(0, from - 60);
        return start == 0 ? Truncate(text, 240) : $"{Truncate(text, 60)} ... {Truncate(text[start..], 180)}";
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "...";
}

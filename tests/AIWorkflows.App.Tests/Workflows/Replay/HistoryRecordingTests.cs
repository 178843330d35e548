using AIWorkflows.App.Tests.Workflows.Replay.Journeys;

namespace AIWorkflows.App.Tests.Workflows.Replay;

/// <summary>
/// Recording is an explicit act, for a deliberate, versioned change only:
/// <c>RECORD_HISTORIES=1 dotnet test tests/AIWorkflows.App.Tests -c Release --filter "FullyQualifiedName~Replay.HistoryRecording"</c>
/// runs every journey on the in-memory engine and rewrites its file (or <c>RECORD_HISTORIES=ToolApprovalOrchestration,...</c>
/// for some, by file name). Without the variable this checks that each journey's file is there and is its history.
/// </summary>
public sealed class HistoryRecordingTests
{
    public static TheoryData<string> Journeys => [.. RecordedJourney.All.Select(j => j.File)];

    private static bool Asked(string file) => Environment.GetEnvironmentVariable("RECORD_HISTORIES") is { Length: > 0 } asked
        && (asked == "1" || asked.Split(',', StringSplitOptions.TrimEntries).Contains(file, StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task EachJourney_HasItsRecordedHistory_RecordedAgainOnlyWhenAsked(string file)
    {
        var journey = RecordedJourney.All.Single(j => j.File == file);
        if (Asked(file)) (await JourneyRecorder.RecordAsync(journey)).Save();

        var saved = RecordedHistory.Load(file);

        Assert.Equal((journey.Orchestrator, journey.InstanceId, journey.Story), (saved.Orchestrator, saved.InstanceId, saved.Journey));
        var started = Assert.Single(saved.Events, e => e.ExecutionStarted is not null).ExecutionStarted;
        Assert.Equal((journey.Orchestrator, journey.Version ?? ""), (started.Name, started.Version ?? ""));
        Assert.Contains(saved.Events, e => e.TaskCompleted is not null);
    }
}

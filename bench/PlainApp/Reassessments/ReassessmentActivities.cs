using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PlainApp.Storage;

namespace PlainApp.Reassessments;

/// <summary>A cycle's storage effects, one activity each, and the start of a tool's eternal orchestration.</summary>
public sealed class ReassessmentActivities(PlainStorage storage)
{
    /// <summary>Starts each tool's re-assessment orchestration; an orchestrator cannot start one it does not wait for, so an activity does.</summary>
    [Function(nameof(StartReassessments))]
    public static async Task StartReassessments([ActivityTrigger] ReassessmentCycle[] cycles, [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cycles);
        ArgumentNullException.ThrowIfNull(client);
        foreach (var cycle in cycles) await StartAsync(client, cycle, ct);
    }

    public static Task StartAsync(DurableTaskClient client, ReassessmentCycle cycle, CancellationToken ct) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            nameof(ReassessmentOrchestration), cycle, new StartOrchestrationOptions(ReassessmentCycle.InstanceId(cycle.ToolId)), ct);

    [Function(nameof(WriteReassessmentRecord))]
    public async Task WriteReassessmentRecord([ActivityTrigger] ReassessmentRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var blob = storage.Records.GetBlobClient($"{record.Cycle.ToolId}/reassessment-{record.Cycle.Cycle}.json");
        await blob.UploadAsync(BinaryData.FromObjectAsJson(record, JsonSerializerOptions.Web), overwrite: true, ct);
    }

    /// <summary>The register line shows the next due date (merged: the line keeps what the approval wrote).</summary>
    [Function(nameof(UpdateRegister))]
    public async Task UpdateRegister([ActivityTrigger] ReassessmentCycle next, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(next);
        await storage.Register.UpsertEntityAsync(Register.Row(next, requestId: null), TableUpdateMode.Merge, ct);
    }
}

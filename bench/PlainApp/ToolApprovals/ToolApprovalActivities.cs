using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using PlainApp.Reassessments;
using PlainApp.Storage;

namespace PlainApp.ToolApprovals;

/// <summary>The approval's storage effects, one activity each; each is an upsert or an overwrite, so safe to run twice.</summary>
public sealed class ToolApprovalActivities(PlainStorage storage, IOptions<PlainOptions> options)
{
    [Function(nameof(WriteStatus))]
    public async Task WriteStatus([ActivityTrigger] StatusUpdate update, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(update);
        var row = new TableEntity(update.RequestId, "status") { ["ToolName"] = update.ToolName, ["Status"] = update.Status, ["UpdatedAt"] = update.At };
        await storage.Requests.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
    }

    [Function(nameof(WriteDecisionRecord))]
    public async Task WriteDecisionRecord([ActivityTrigger] DecisionRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var blob = storage.Records.GetBlobClient($"{record.Request.RequestId}/decision.json");
        await blob.UploadAsync(BinaryData.FromObjectAsJson(record, JsonSerializerOptions.Web), overwrite: true, ct);
    }

    /// <summary>Puts the tool in the register and says when its first re-assessment is due.</summary>
    [Function(nameof(RegisterTool))]
    public async Task<ReassessmentCycle> RegisterTool([ActivityTrigger] ToolRegistration tool, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var o = options.Value;
        var cycle = new ReassessmentCycle(tool.ToolId, tool.ToolName, tool.OwnerEmail, tool.RegisteredAt + o.ReassessEvery, o.ReassessEvery, o.AskAhead, o.AiOfficer, 1);
        await storage.Register.UpsertEntityAsync(Register.Row(cycle, tool.RequestId), TableUpdateMode.Replace, ct);
        return cycle;
    }
}

using Azure.Data.Tables;

namespace PlainApp.Reassessments;

/// <summary>One tool's re-assessment: the eternal orchestration's input, one cycle at a time.</summary>
public sealed record ReassessmentCycle(
    string ToolId, string ToolName, string OwnerEmail, DateTime DueAt, TimeSpan Every, TimeSpan AskAhead, string OfficerEmail, int Cycle)
{
    public static string InstanceId(string toolId) => $"reassess-{toolId}";

    public ReassessmentCycle Next() => this with { DueAt = DueAt + Every, Cycle = Cycle + 1 };
}

/// <summary>The owner's attestation, raised as the event <c>Attested</c>.</summary>
public sealed record Attestation(string Use, string DataChanges, string IncidentsSince, DateTime At);

/// <summary>The AI officer's review of the cycle, raised as the event <c>Reviewed</c>.</summary>
public sealed record ReassessmentReview(string Outcome, string? Comments, DateTime At);

/// <summary>What the re-assessment record keeps.</summary>
public sealed record ReassessmentRecord(ReassessmentCycle Cycle, Attestation Attestation, ReassessmentReview Review);

/// <summary>A tool's line in the register: one row per tool.</summary>
public static class Register
{
    public const string Partition = "tools";

    public static TableEntity Row(ReassessmentCycle c, string? requestId)
    {
        var row = new TableEntity(Partition, c.ToolId) { ["Name"] = c.ToolName, ["Owner"] = c.OwnerEmail, ["NextReassessment"] = c.DueAt, ["Cycle"] = c.Cycle };
        if (requestId is not null) row["RequestId"] = requestId;
        return row;
    }
}

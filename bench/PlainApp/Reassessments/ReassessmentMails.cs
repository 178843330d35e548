using PlainApp.Mail;

namespace PlainApp.Reassessments;

/// <summary>A cycle's three mails: the owner asked to attest, the AI officer told, then asked to review.</summary>
public static class ReassessmentMails
{
    public static PlainMail AttestationRequested(ReassessmentCycle c) =>
        new(c.OwnerEmail, $"Re-assessment of {c.ToolName}", $"{c.ToolName} is due for re-assessment {c.Cycle} by {c.DueAt:yyyy-MM-dd}. Tell us how it is used:",
            $"api/tools/{c.ToolId}/reassessment/attest");

    public static PlainMail OfficerNotified(ReassessmentCycle c) =>
        new(c.OfficerEmail, $"Re-assessment opened: {c.ToolName}", $"The owner of {c.ToolName} ({c.OwnerEmail}) is asked to attest by {c.DueAt:yyyy-MM-dd}.");

    public static PlainMail ReviewRequested(ReassessmentCycle c, Attestation a) =>
        new(c.OfficerEmail, $"Review the re-assessment of {c.ToolName}", $"The owner attests: use {a.Use}; data changes {a.DataChanges}; incidents {a.IncidentsSince}. Review it here:",
            $"api/tools/{c.ToolId}/reassessment/review");
}

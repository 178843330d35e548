using System.Text.Json;
using AIWorkflows.App.Effects;
using AIWorkflows.App.Mail;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Feedback;

/// <summary>A received comment becomes a "feedback" record and a mail to the AI officer, both through the outbox.</summary>
public sealed class FeedbackEffects(PolicyPack pack, LifecycleLinks links)
{
    public const string Workflow = "feedback";
    public const string RecordClass = "feedback";

    private static readonly JsonSerializerOptions Indented = new(WorkflowJson.Options) { WriteIndented = true };

    public string Officer => pack.Role("ai_officer").Email;

    public IEnumerable<PendingEffect> For(string instanceId, PublicFeedback before, PublicFeedback after, IReadOnlyList<StoredEvent<FeedbackEvent>> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var (seq, _, e) in events)
        {
            if (e is not FeedbackEvent.FeedbackReceived { Note: var n }) continue;
            // Albuquerque 3.2: kept for the retention schedule's "feedback" period.
            yield return ArchiveEffectHandler.Create($"{seq}-archive-feedback", new ArchiveEffectHandler.Payload(
                $"{n.ToolId}.{n.FeedbackId}", RecordClass, $"Public feedback on {n.ToolName}", n.ToolId, null, n.Department, n.At,
                JsonSerializer.Serialize(n, Indented)));
            yield return new PendingEffect($"{seq}-mail-officer", MailEffectHandler.KindName, JsonSerializer.Serialize(Mail(n)));
        }
    }

    // MailComposer encodes every part for the HTML body: what the public typed never reaches it raw.
    private MailMessage Mail(FeedbackNote n) =>
        new MailComposer($"{n.FeedbackId}-officer", Officer, $"[{pack.City} AI register] Public feedback on {n.ToolName}", n.At)
            .Para($"A member of the public commented on {n.ToolName} ({n.Department}) through the public register (Albuquerque 6.7).")
            .Field("Name", n.Name ?? "not given")
            .Field("Email", n.Email ?? "not given")
            .Field("Reference", n.FeedbackId)
            .Para(n.Comment)
            .Link("See the tool in the register", links.Tool(n.ToolId))
            .Build();
}

using System.Globalization;
using System.Text.Json;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;
using AIWorkflows.Storage.Timers;

namespace AIWorkflows.Storage.Tests.Ledger;

public static class LedgerEffects
{
    public const string Workflow = "ledger";
    public const string MailKind = "mail";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Each deposit mails the owner; one with RemindAt also sets a timer. Ids come from event seqs.</summary>
    public static IEnumerable<PendingEffect> Of(string instanceId, LedgerState before, LedgerState after, IReadOnlyList<StoredEvent<LedgerEvent>> newEvents)
    {
        foreach (var stored in newEvents)
        {
            if (stored.Event is not Deposited d) continue;
            var seq = stored.Seq.ToString(CultureInfo.InvariantCulture);
            yield return new PendingEffect($"{seq}-mail-owner", MailKind, $"deposited {d.Amount}");
            if (d.RemindAt is { } due)
                yield return TimerEffect.Create<LedgerCommand>($"{seq}-remind", Workflow, instanceId, due, new Remind(due, due), Json);
        }
    }
}

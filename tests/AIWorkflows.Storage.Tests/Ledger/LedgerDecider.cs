using AIWorkflows.Domain.Deciding;

namespace AIWorkflows.Storage.Tests.Ledger;

public sealed class LedgerDecider : IDecider<LedgerCommand, LedgerState, LedgerEvent>
{
    public LedgerState Initial => LedgerState.Empty;

    /// <summary>A ledger annotated with this note is closed: final, nothing changes it again.</summary>
    public const string Closed = "closed";

    public IReadOnlyList<LedgerEvent> Decide(LedgerCommand command, LedgerState state) => (command, state) switch
    {
        (_, { Note: Closed }) => [],
        (Deposit d, _) when d.Amount > 0 => [new Deposited(d.Amount, d.RemindAt)],
        (Deposit, _) => [],
        (Remind r, { ReminderDue: { } due }) when due == r.DueAt => [new Reminded(r.DueAt)],
        (Remind, _) => [],                                   // stale timer: the state moved on
        (Annotate a, _) when a.Note != state.Note => [new Annotated(a.Note)],
        (Annotate, _) => [],
        (Bulk b, _) => [.. Enumerable.Range(0, b.Count).Select(_ => new Filled(new string('x', b.Size)))],
        _ => [],
    };

    public bool IsFinal(LedgerState state) => state.Note == Closed;

    public LedgerState Evolve(LedgerState state, LedgerEvent happened) => happened switch
    {
        Deposited d => state with { Balance = state.Balance + d.Amount, Deposits = state.Deposits + 1, ReminderDue = d.RemindAt ?? state.ReminderDue },
        Reminded => state with { ReminderDue = null, Reminders = state.Reminders + 1 },
        Annotated a => state with { Note = a.Note },
        _ => state,
    };
}

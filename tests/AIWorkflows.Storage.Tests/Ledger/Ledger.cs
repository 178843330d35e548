using System.Text.Json.Serialization;

namespace AIWorkflows.Storage.Tests.Ledger;

// A tiny workflow that exercises the store: deposits emit a mail effect and may set a reminder
// timer; a reminder is a timer command that decides nothing once the state has moved on.

public sealed record LedgerState(long Balance, int Deposits, string Note, DateTimeOffset? ReminderDue, int Reminders)
{
    public static LedgerState Empty { get; } = new(0, 0, "", null, 0);
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(Deposit), "deposit")]
[JsonDerivedType(typeof(Remind), "remind")]
[JsonDerivedType(typeof(Annotate), "annotate")]
[JsonDerivedType(typeof(Bulk), "bulk")]
public abstract record LedgerCommand(DateTimeOffset Now);

public sealed record Deposit(long Amount, DateTimeOffset Now, DateTimeOffset? RemindAt = null) : LedgerCommand(Now);

/// <summary>The timer command: it carries what it was set for.</summary>
public sealed record Remind(DateTimeOffset DueAt, DateTimeOffset Now) : LedgerCommand(Now);

public sealed record Annotate(string Note, DateTimeOffset Now) : LedgerCommand(Now);

/// <summary>Emits <paramref name="Count"/> events of <paramref name="Size"/> characters each (limit tests).</summary>
public sealed record Bulk(int Count, int Size, DateTimeOffset Now) : LedgerCommand(Now);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(Deposited), "deposited")]
[JsonDerivedType(typeof(Reminded), "reminded")]
[JsonDerivedType(typeof(Annotated), "annotated")]
[JsonDerivedType(typeof(Filled), "filled")]
public abstract record LedgerEvent;

public sealed record Deposited(long Amount, DateTimeOffset? RemindAt) : LedgerEvent;

public sealed record Reminded(DateTimeOffset DueAt) : LedgerEvent;

public sealed record Annotated(string Note) : LedgerEvent;

public sealed record Filled(string Data) : LedgerEvent;

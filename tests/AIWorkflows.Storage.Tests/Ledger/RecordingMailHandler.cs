using System.Collections.Concurrent;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.Storage.Tests.Ledger;

/// <summary>A mailer that records what it sent and can be told to fail or to wait.</summary>
public sealed class RecordingMailHandler : IEffectHandler
{
    private readonly ConcurrentQueue<string> _sent = new();
    private int _failuresLeft;
    private int _attempts;

    public string Kind => LedgerEffects.MailKind;

    public bool IsIdempotent => false;

    /// <summary>"instance/effect id" of each successful send, in order, duplicates included.</summary>
    public IReadOnlyList<string> Sent => [.. _sent];

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Awaited before each send when set (to hold a send open while something races it).</summary>
    public Func<PendingEffect, Task>? Before { get; set; }

    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public async Task HandleAsync(string workflow, string instanceId, PendingEffect effect, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Before is { } before) await before(effect);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0) throw new InvalidOperationException("mail server down");
        Interlocked.Exchange(ref _failuresLeft, 0);
        _sent.Enqueue($"{instanceId}/{effect.Id}");
    }
}

using Azure.Data.Tables;

namespace AIWorkflows.Storage.Effects;

/// <summary>
/// The effects of one commit, held in this process's in-flight set from before the commit until the
/// dispatcher is done with them. Holding them before the rows exist is what stops a concurrent
/// sweep from picking a fresh row up and sending it a second time.
/// </summary>
internal sealed class OutboxReservation : IDisposable
{
    private readonly EffectDispatcher _dispatcher;
    private bool _released;

    public OutboxReservation(
        EffectDispatcher dispatcher, string instanceId, IReadOnlyList<PendingEffect> effects, PendingEffect? spill, string claimedBy, DateTimeOffset claimedUntil)
    {
        _dispatcher = dispatcher;
        InstanceId = instanceId;
        Effects = effects;
        Spill = spill;
        ClaimedBy = claimedBy;
        ClaimedUntil = claimedUntil;
    }

    public string InstanceId { get; }

    public IReadOnlyList<PendingEffect> Effects { get; }

    /// <summary>When the effects do not fit the commit: the one row that carries them all (<see cref="OutboxSpill"/>).</summary>
    public PendingEffect? Spill { get; }

    public string ClaimedBy { get; }

    public DateTimeOffset ClaimedUntil { get; }

    public IEnumerable<EffectKey> Keys =>
        (Spill is null ? Effects : Effects.Append(Spill)).Select(e => new EffectKey(InstanceId, e.Id));

    /// <summary>The outbox rows to add in the commit, already claimed by this process.</summary>
    public IEnumerable<TableEntity> Rows(string workflow) =>
        (Spill is null ? Effects : [Spill]).Select(e => OutboxRow.ToEntity(workflow, InstanceId, e, ClaimedBy, ClaimedUntil));

    public void Dispose()
    {
        if (_released) return;
        _released = true;
        _dispatcher.Release(Keys);
    }
}

using AIWorkflows.Storage.Effects;

namespace AIWorkflows.Storage.Deciding;

/// <summary>
/// Which effects a decision causes, committed to the outbox in the same transaction as its events.
/// Pure, like the decider: ids must be deterministic per instance (derive them from event seqs).
/// </summary>
public delegate IEnumerable<PendingEffect> EffectsOf<in TState, TEvent>(
    string instanceId, TState before, TState after, IReadOnlyList<StoredEvent<TEvent>> newEvents);

namespace AIWorkflows.Storage.Effects;

/// <summary>
/// Something to do once a decision is committed (send a mail, set a timer, write a blob), kept as
/// an outbox row until a handler has done it. <paramref name="Id"/> is deterministic per instance
/// (e.g. "7-mail-aio": event seq, kind, recipient) so a retried handler can de-duplicate by it.
/// </summary>
public sealed record PendingEffect(string Id, string Kind, string Payload);

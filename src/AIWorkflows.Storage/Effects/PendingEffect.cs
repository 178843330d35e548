namespace AIWorkflows.Storage.Effects;

/// <summary>
/// Something a workflow step causes outside its read model (send a mail, keep a record, tell another
/// workflow). <paramref name="Id"/> is deterministic per instance (e.g. "7-mail-aio": event seq, kind,
/// recipient) so a retried activity's handler can de-duplicate by it.
/// </summary>
public sealed record PendingEffect(string Id, string Kind, string Payload);

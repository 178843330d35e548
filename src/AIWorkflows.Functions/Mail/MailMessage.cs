namespace AIWorkflows.App.Mail;

/// <summary>
/// One email as the workflows produce it. <paramref name="Id"/> is the outbox effect id: the
/// same message sent twice (a retry after a crash) carries the same id, so receivers de-duplicate.
/// <paramref name="Links"/> repeats the actionable links in the body (task links, inventory
/// pages) so the dev mailbox and tests can follow them without parsing HTML.
/// </summary>
public sealed record MailMessage(
    string Id,
    string To,
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyList<MailLink> Links,
    DateTimeOffset CreatedAt);

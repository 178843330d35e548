namespace AIWorkflows.App.Mail;

/// <summary>An actionable link in a mail, e.g. ("Review the request", "https://…/tasks/{token}").</summary>
public sealed record MailLink(string Label, string Url);

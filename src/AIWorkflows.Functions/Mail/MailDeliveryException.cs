using System.Net;

namespace AIWorkflows.App.Mail;

/// <summary>The mail service did not accept a message; the outbox retries it later.</summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException() { }

    public MailDeliveryException(string message) : base(message) { }

    public MailDeliveryException(string message, Exception innerException) : base(message, innerException) { }

    public MailDeliveryException(string messageId, HttpStatusCode statusCode, string detail)
        : base($"Mail {messageId} was refused: HTTP {(int)statusCode} {statusCode}. {detail}".TrimEnd())
    {
        MessageId = messageId;
        StatusCode = statusCode;
    }

    public string? MessageId { get; }

    public HttpStatusCode? StatusCode { get; }
}

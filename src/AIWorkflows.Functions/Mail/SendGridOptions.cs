namespace AIWorkflows.App.Mail;

/// <summary>Configuration section <c>SendGrid</c>. With no <c>ApiKey</c>, Development mail goes to the dev outbox.</summary>
public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    /// <summary>Secret: comes from Key Vault or user secrets, never appsettings; never logged.</summary>
    public string? ApiKey { get; set; }

    public string? FromEmail { get; set; }

    public string? FromName { get; set; }

    /// <summary>Only for tests: a local listener standing in for <c>https://api.sendgrid.com</c>.</summary>
    public string? BaseUrl { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>A settings dump must never print the key.</summary>
    public override string ToString() =>
        $"{nameof(SendGridOptions)} {{ ApiKey = {(IsConfigured ? "[set]" : "[unset]")}, FromEmail = {FromEmail}, BaseUrl = {BaseUrl} }}";
}

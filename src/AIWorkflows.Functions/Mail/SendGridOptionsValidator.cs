using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Mail;

/// <summary>
/// Start-up check. Outside Development a missing key stops the app: the alternative is a city
/// whose reviewers silently never get their task links.
/// </summary>
public sealed class SendGridOptionsValidator(IHostEnvironment environment) : IValidateOptions<SendGridOptions>
{
    public ValidateOptionsResult Validate(string? name, SendGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return environment.IsDevelopment()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    $"SendGrid:ApiKey is not set in the '{environment.EnvironmentName}' environment. Mail would be dropped, " +
                    "so the app does not start. Set SendGrid:ApiKey (e.g. a Key Vault reference) and SendGrid:FromEmail.");
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.FromEmail) || !options.FromEmail.Contains('@', StringComparison.Ordinal))
            failures.Add("SendGrid:FromEmail must be the verified sender address.");
        if (!string.IsNullOrEmpty(options.BaseUrl)
            && (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            failures.Add("SendGrid:BaseUrl must be an absolute http(s) URL.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

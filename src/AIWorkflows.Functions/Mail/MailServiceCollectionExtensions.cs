using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMailer"/>: SendGrid when <c>SendGrid:ApiKey</c> is set, otherwise
    /// (Development only) the dev outbox table. Outside Development a missing key fails start-up.
    /// The dev outbox uses a registered <see cref="TableServiceClient"/> if there is one, else the
    /// app's storage clients, else <c>Storage:ConnectionString</c>; its table is <c>{Storage:TablePrefix}DevMail</c>.
    /// </summary>
    public static IServiceCollection AddMail(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<SendGridOptions>()
            .Bind(configuration.GetSection(SendGridOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SendGridOptions>>(new SendGridOptionsValidator(environment));
        services.AddHttpClient(SendGridMailer.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));

        services.TryAddSingleton<SendGridMailer>();
        services.TryAddSingleton(sp => new DevOutboxMailer(DevMailTable(sp, configuration)));
        // Chosen when first resolved, after all configuration sources (including a test host's) are in.
        services.TryAddSingleton<IMailer>(sp =>
            sp.GetRequiredService<IOptions<SendGridOptions>>().Value.IsConfigured
                ? sp.GetRequiredService<SendGridMailer>()
                : sp.GetRequiredService<DevOutboxMailer>());
        return services;
    }

    private static TableClient DevMailTable(IServiceProvider services, IConfiguration configuration)
    {
        // The app's storage clients when there are any: counted, and with their bounded retries, so a
        // hung storage cannot hold a request for minutes in the mailer after its commit.
        var tables = services.GetService<TableServiceClient>()
            ?? services.GetService<AIWorkflows.Storage.StorageClients>()?.Tables
            ?? new TableServiceClient(configuration["Storage:ConnectionString"] is { Length: > 0 } connection
                ? connection
                : "UseDevelopmentStorage=true");
        return tables.GetTableClient(configuration["Storage:TablePrefix"] + DevOutboxMailer.TableName);
    }
}

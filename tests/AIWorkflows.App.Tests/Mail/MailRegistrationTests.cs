using AIWorkflows.App.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Tests.Mail;

public sealed class MailRegistrationTests
{
    private static IHost Host(string environment, Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddMail(builder.Configuration, builder.Environment);
        return builder.Build();
    }

    [Fact]
    public async Task InDevelopmentWithoutAKey_MailGoesToTheDevOutbox()
    {
        using var host = Host(Environments.Development, []);
        await host.StartAsync();

        Assert.IsType<DevOutboxMailer>(host.Services.GetRequiredService<IMailer>());
    }

    [Fact]
    public async Task InDevelopmentWithAKey_MailGoesToSendGrid()
    {
        using var host = Host(Environments.Development, new() { ["SendGrid:ApiKey"] = "SG.x", ["SendGrid:FromEmail"] = "a@city.example" });
        await host.StartAsync();

        Assert.IsType<SendGridMailer>(host.Services.GetRequiredService<IMailer>());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task OutsideDevelopmentWithoutAKey_StartUpFailsWithAClearMessage(string environment)
    {
        using var host = Host(environment, []);

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SendGrid:ApiKey is not set", failure.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IMailer>());
    }

    [Fact]
    public async Task AKeyWithoutASender_FailsStartUp()
    {
        using var host = Host(Environments.Production, new() { ["SendGrid:ApiKey"] = "SG.secret" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SendGrid:FromEmail", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsNeverPrintTheKey() =>
        Assert.DoesNotContain("SG.secret", new SendGridOptions { ApiKey = "SG.secret" }.ToString(), StringComparison.Ordinal);
}

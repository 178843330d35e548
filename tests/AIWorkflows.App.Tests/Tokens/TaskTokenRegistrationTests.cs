using AIWorkflows.App.Tokens;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Tests.Tokens;

public sealed class TaskTokenRegistrationTests : IDisposable
{
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("aiworkflows-tokens-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private IHost Host(string environment, Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ContentRootPath = _contentRoot,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTaskTokens(builder.Configuration, builder.Environment);
        return builder.Build();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("c2hvcnQ=")] // "short": 5 bytes
    [InlineData("not base64 at all")]
    public async Task GivenProductionWithoutAUsableKey_ThenStartUpFails_WithoutEchoingTheKey(string? key)
    {
        using var host = Host(Environments.Production, new() { ["Tokens:SigningKey"] = key });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Tokens:SigningKey", failure.Message, StringComparison.Ordinal);
        if (key is not null)
            Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_contentRoot, ".azurite", "dev-signing-key")));
    }

    [Fact]
    public async Task GivenConfiguredKeys_ThenPreviousKeysAreBoundAndVerify()
    {
        using var old = Host(Environments.Production, new() { ["Tokens:SigningKey"] = KeyA });
        using var rotated = Host(Environments.Production, new() { ["Tokens:SigningKey"] = KeyB, ["Tokens:PreviousKeys:0"] = KeyA });
        await old.StartAsync();
        await rotated.StartAsync();

        var token = Tokens(old).Issue(TokenPurposes.Task, "i-1", "t-1", "a@city.gov", DateTimeOffset.UtcNow.AddHours(1));

        Assert.IsType<TokenVerification.Valid>(Tokens(rotated).Verify(token, TokenPurposes.Task));
    }

    [Fact]
    public async Task GivenDevelopmentWithoutKey_ThenAKeyIsGeneratedOnce_AndLinksSurviveARestart()
    {
        string token;
        using (var first = Host(Environments.Development, []))
        {
            await first.StartAsync();
            token = Tokens(first).Issue(TokenPurposes.Task, "i-1", "t-1", "a@city.gov", DateTimeOffset.UtcNow.AddHours(1));
        }
        var keyFile = Path.Combine(_contentRoot, ".azurite", "dev-signing-key");
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));

        using var restarted = Host(Environments.Development, []);
        await restarted.StartAsync();

        Assert.IsType<TokenVerification.Valid>(Tokens(restarted).Verify(token, TokenPurposes.Task));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(keyFile)!));
    }

    [Fact]
    public async Task GivenDevelopmentWithAConfiguredKey_ThenNoKeyFileIsWritten()
    {
        using var host = Host(Environments.Development, new() { ["Tokens:SigningKey"] = KeyA });
        await host.StartAsync();

        Assert.NotNull(Tokens(host));
        Assert.False(Directory.Exists(Path.Combine(_contentRoot, ".azurite")));
    }

    private static TaskTokenService Tokens(IHost host) => host.Services.GetRequiredService<TaskTokenService>();
}

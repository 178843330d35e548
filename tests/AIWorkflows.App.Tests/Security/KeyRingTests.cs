using System.Security.Cryptography;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Web;
using AIWorkflows.Storage;
using AIWorkflows.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// The Data Protection key ring (antiforgery tokens, cookies) is the app's storage's, not an instance's disk: in Azure
/// a form shown by one instance is posted to another, and instances restart. Two apps on the same storage read each
/// other's protected data; an app on other storage does not, though all three share this machine's disk.
/// </summary>
[Collection(OnAzurite.Name)]
public class KeyRingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoInstancesOnOneStorage_ShareTheKeyRing_KeptInItsBlobContainer_AndOtherStorageDoesNot()
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        await using var first = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix });
        var sealedByFirst = Protector(first).Protect("antiforgery for pat.lee");

        await using var second = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?> { ["Storage:TablePrefix"] = prefix });
        Assert.Equal("antiforgery for pat.lee", Protector(second).Unprotect(sealedByFirst));

        var container = first.Services.GetRequiredService<StorageClients>().Container(BlobKeyRepository.ContainerName);
        var keys = new List<string>();
        await foreach (var blob in container.GetBlobsAsync()) keys.Add(blob.Name);
        Assert.Single(keys, k => k.StartsWith("key-", StringComparison.Ordinal) && k.EndsWith(".xml", StringComparison.Ordinal));

        await using var elsewhere = new AIWorkflowsApp(azurite);
        Assert.ThrowsAny<CryptographicException>(() => Protector(elsewhere).Unprotect(sealedByFirst));
    }

    private static IDataProtector Protector(AIWorkflowsApp app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("KeyRingTests");
}

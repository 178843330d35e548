using System.Net;
using AIWorkflows.Storage.Records;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Time.Testing;

namespace AIWorkflows.Storage.Tests.Records;

/// <summary>
/// Azurite has no immutability, so the Azure implementation is tested through the interface against
/// the requests the Blob SDK sends: the REST calls Azure documents for version-level WORM and legal hold.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Tested through the interface on purpose.")]
public class RecordImmutabilityTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Azure_ProtectUntil_SetsAVersionLevelPolicyInTheConfiguredMode()
    {
        using var service = new FakeBlobService();
        var immutability = Azure(service, BlobImmutabilityPolicyMode.Locked);

        await immutability.ProtectUntilAsync("tool-a/incident/tool-a.incident-1.json", Now.AddYears(5), default);

        var request = Assert.Single(service.Requests);
        Assert.Equal(("PUT", "/records/tool-a/incident/tool-a.incident-1.json"), (request.Method, request.Path));
        Assert.Contains("comp=immutabilityPolicies", request.Query, StringComparison.Ordinal);
        Assert.Equal(Now.AddYears(5), DateTimeOffset.Parse(request.Headers["x-ms-immutability-policy-until-date"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Locked", request.Headers["x-ms-immutability-policy-mode"]);
    }

    [Fact]
    public async Task Azure_ProtectUntilAPastDate_SendsNothing()
    {
        using var service = new FakeBlobService();
        var immutability = Azure(service, BlobImmutabilityPolicyMode.Unlocked);

        await immutability.ProtectUntilAsync("a/b/c.json", Now.AddDays(-1), default);

        Assert.Empty(service.Requests);
    }

    [Fact]
    public async Task Azure_LegalHold_IsPlacedAndReleasedOnTheBlob()
    {
        using var service = new FakeBlobService();
        var immutability = Azure(service, BlobImmutabilityPolicyMode.Locked);

        await immutability.SetLegalHoldAsync("a/b/c.json", true, default);
        await immutability.SetLegalHoldAsync("a/b/c.json", false, default);

        Assert.All(service.Requests, r => Assert.Contains("comp=legalhold", r.Query, StringComparison.Ordinal));
        Assert.Equal(["true", "false"], service.Requests.Select(r => r.Headers["x-ms-legal-hold"]));
    }

    [Fact]
    public async Task Azure_DeletePreviousVersions_DeletesEveryOlderVersionButNotTheCurrentBlob()
    {
        using var service = new FakeBlobService();
        service.Versions = [("a/b/c.json", "2026-01-01T00:00:00.0000000Z", false), ("a/b/c.json", "2026-02-01T00:00:00.0000000Z", true), ("a/b/c.json.bak", "2026-01-01T00:00:00.0000000Z", false)];
        var immutability = Azure(service, BlobImmutabilityPolicyMode.Locked);

        await immutability.DeletePreviousVersionsAsync("a/b/c.json", default);

        var deletes = service.Requests.Where(r => r.Method == "DELETE").ToList();
        var delete = Assert.Single(deletes);
        Assert.Equal("/records/a/b/c.json", delete.Path);
        Assert.Contains("versionid=2026-01-01", delete.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_NotesEachIntentInOrder()
    {
        var local = new LocalRecordImmutability();
        var immutability = Through(local);

        await immutability.ProtectUntilAsync("a/b/c.json", Now.AddYears(5), default);
        await immutability.SetLegalHoldAsync("a/b/c.json", true, default);
        await immutability.DeletePreviousVersionsAsync("a/b/c.json", default);

        Assert.Equal(
            [new ImmutabilityIntent("a/b/c.json", "protect_until", Now.AddYears(5), null), new ImmutabilityIntent("a/b/c.json", "legal_hold", null, true),
             new ImmutabilityIntent("a/b/c.json", "delete_previous_versions", null, null)],
            local.Intents);
    }

    private static IRecordImmutability Azure(FakeBlobService service, BlobImmutabilityPolicyMode mode) =>
        new AzureRecordImmutability(service.Container(), mode, new FakeTimeProvider(Now));

    private static IRecordImmutability Through(IRecordImmutability implementation) => implementation;

    /// <summary>Answers the Blob REST calls these tests make and keeps what was asked.</summary>
    private sealed class FakeBlobService : HttpMessageHandler
    {
        public List<(string Method, string Path, string Query, Dictionary<string, string> Headers)> Requests { get; } = [];

        public IReadOnlyList<(string Name, string VersionId, bool Latest)> Versions { get; set; } = [];

        public BlobContainerClient Container() => new(
            new Uri("https://cityrecords.blob.core.windows.net/records"),
            new StorageSharedKeyCredential("cityrecords", Convert.ToBase64String(new byte[32])),
            new BlobClientOptions { Transport = new HttpClientTransport(new HttpClient(this)), Retry = { MaxRetries = 0 } });

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
            var query = Uri.UnescapeDataString(request.RequestUri!.Query);
            Requests.Add((request.Method.Method, request.RequestUri.AbsolutePath, query, headers));
            var response = new HttpResponseMessage(request.Method == HttpMethod.Delete ? HttpStatusCode.Accepted : HttpStatusCode.OK);
            response.Headers.Add("x-ms-request-id", Guid.NewGuid().ToString());
            if (headers.TryGetValue("x-ms-legal-hold", out var hold)) response.Headers.Add("x-ms-legal-hold", hold);
            if (query.Contains("comp=list", StringComparison.Ordinal))
            {
                var blobs = string.Concat(Versions.Select(v =>
                    $"<Blob><Name>{v.Name}</Name><VersionId>{v.VersionId}</VersionId>{(v.Latest ? "<IsCurrentVersion>true</IsCurrentVersion>" : "")}<Properties /></Blob>"));
                response.Content = new StringContent(
                    $"<?xml version=\"1.0\" encoding=\"utf-8\"?><EnumerationResults ServiceEndpoint=\"https://cityrecords.blob.core.windows.net/\" ContainerName=\"records\"><Blobs>{blobs}</Blobs><NextMarker /></EnumerationResults>",
                    System.Text.Encoding.UTF8, "application/xml");
            }
            return Task.FromResult(response);
        }
    }
}

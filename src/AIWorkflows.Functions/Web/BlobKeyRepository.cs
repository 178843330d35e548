using System.Xml.Linq;
using AIWorkflows.Storage;
using Azure;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace AIWorkflows.App.Web;

/// <summary>
/// The Data Protection key ring (what signs antiforgery tokens and cookies) kept in a blob container of the
/// app's storage, one blob a key. Left to its default, each instance keeps its own ring on its own disk, so
/// in Azure a form shown by one instance fails its antiforgery check on another, and every restart of a
/// Flex Consumption instance forgets the ring. The package that does this is not served here; this is the
/// interface's two methods. Keys rest encrypted by the storage account, reachable only with its identity.
/// </summary>
public sealed class BlobKeyRepository(StorageClients clients) : IXmlRepository
{
    public const string ContainerName = "dataprotection";

    private BlobContainerClient Container => clients.Container(ContainerName);

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var container = Container;
        var keys = new List<XElement>();
        try
        {
            foreach (var blob in container.GetBlobs())
            {
                var content = container.GetBlobClient(blob.Name).DownloadContent().Value.Content;
                keys.Add(XElement.Parse(content.ToString()));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet: no key yet; the first one stored creates it.
        }
        return keys;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var container = Container;
        container.CreateIfNotExists();
        // The friendly name is the key's id: a key is written once and never changed (a revocation is a new element).
        container.GetBlobClient($"{friendlyName}.xml").Upload(BinaryData.FromString(element.ToString(SaveOptions.DisableFormatting)), overwrite: true);
    }
}

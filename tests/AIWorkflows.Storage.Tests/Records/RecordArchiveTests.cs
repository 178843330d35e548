using System.Text;
using AIWorkflows.Storage.Records;
using AIWorkflows.Storage.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.Storage.Tests.Records;

[Collection(UsesAzurite.Name)]
public class RecordArchiveTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);

    private async Task<(StorageClients Clients, RecordArchive Archive)> NewArchiveAsync()
    {
        var clients = new StorageClients(azurite.NewStorageOptions(), new AIWorkflows.Storage.Counting.StorageTransactionCounter());
        RecordStorage.Register(clients);
        await clients.EnsureCreatedAsync(default);
        return (clients, RecordStorage.Archive(clients));
    }

    private static NewRecord Record(string tool, string name, string recordClass, string title, string department = "Utilities", int dayOffset = 0) =>
        new($"{tool}.{name}", recordClass, title, tool, "req-1", department, Created.AddDays(dayOffset), "created", null,
            [new Rendition("json", "application/json", Encoding.UTF8.GetBytes($"{{\"title\":\"{title}\"}}"))]);

    [Fact]
    public async Task UploadedBlob_IsNamedByToolClassAndId_AndItsMetadataSaysWhatItIsWithoutTheIndex()
    {
        var (clients, archive) = await NewArchiveAsync();

        var entry = await archive.ArchiveAsync(Record("tool-a", "incident-1", "incident", "Incident — wrong answer"), default);

        var rendition = Assert.Single(entry.Renditions);
        Assert.Equal("tool-a/incident/tool-a.incident-1.json", rendition.BlobName);
        var props = await clients.Container(RecordStorage.Container).GetBlobClient(rendition.BlobName).GetPropertiesAsync();
        var meta = props.Value.Metadata;
        Assert.Equal(("tool-a.incident-1", "incident", "tool-a", rendition.Sha256), (meta["recordid"], meta["recordclass"], meta["toolid"], meta["sha256"]));
        Assert.Equal("Incident — wrong answer", Uri.UnescapeDataString(meta["title"]));
        Assert.Equal(rendition.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), meta["size"]);
        Assert.Equal(RecordArchive.Sha256Of(await archive.ReadContentAsync(rendition.BlobName, default)), rendition.Sha256);
    }

    [Fact]
    public async Task Search_ByToolClassDepartmentDatesAndTitleText_FindsOnlyMatchingRecordsNewestFirst()
    {
        var (_, archive) = await NewArchiveAsync();
        await archive.ArchiveAsync(Record("tool-a", "incident-1", "incident", "Chatbot gave wrong fee", dayOffset: 0), default);
        await archive.ArchiveAsync(Record("tool-a", "incident-2", "incident", "Chatbot leaked an address", dayOffset: 10), default);
        await archive.ArchiveAsync(Record("tool-a", "decision-1", "decision_record", "Decision record: Chatbot", dayOffset: 1), default);
        await archive.ArchiveAsync(Record("tool-b", "incident-1", "incident", "Translator error", "Police", dayOffset: 5), default);

        Assert.Equal(["tool-a.incident-2", "tool-a.decision-1", "tool-a.incident-1"], Ids(await archive.SearchAsync(new RecordQuery(ToolId: "tool-a"), default)));
        Assert.Equal(["tool-a.incident-2", "tool-a.incident-1"], Ids(await archive.SearchAsync(new RecordQuery(ToolId: "tool-a", RecordClass: "incident"), default)));
        Assert.Equal(["tool-b.incident-1"], Ids(await archive.SearchAsync(new RecordQuery(Department: "Police"), default)));
        Assert.Equal(["tool-b.incident-1", "tool-a.decision-1"], Ids(await archive.SearchAsync(new RecordQuery(From: Created.AddDays(1), To: Created.AddDays(6)), default)));
        Assert.Equal(["tool-a.incident-2"], Ids(await archive.SearchAsync(new RecordQuery(Text: "LEAKED"), default)));
        Assert.Null(await archive.GetAsync("no-dot", default));
        Assert.Null(await archive.GetAsync("tool-a.nothing", default));
    }

    [Fact]
    public async Task DeletedContent_ReadsAsNull_AndDeletingAgainIsFine()
    {
        var (_, archive) = await NewArchiveAsync();
        var entry = await archive.ArchiveAsync(Record("tool-a", "incident-1", "incident", "x"), default);
        var name = entry.Renditions[0].BlobName;

        await archive.DeleteContentAsync([name], default);
        await archive.DeleteContentAsync([name], default);

        Assert.Null(await archive.ReadContentAsync(name, default));
    }

    [Fact]
    public async Task ManyLongHolds_OnOneRecord_AreIndexedAndReadBack_PastOnePropertysLimit()
    {
        var (clients, archive) = await NewArchiveAsync();
        var entry = await archive.ArchiveAsync(Record("tool-a", "incident-1", "incident", "Incident"), default);
        // 40 holds with 2,000-character reasons outside ASCII: about 160 KB, far past one property's 64 KiB.
        var reason = string.Concat(Enumerable.Repeat("訴訟ホールド ñ ", 250))[..2000];
        var holds = Enumerable.Range(1, 40).Select(i => new HoldSummary($"hold-{i}", reason, "r@city.example", "record", Created)).ToList();

        await archive.IndexAsync(entry with { Holds = holds }, default);

        var read = await archive.GetAsync(entry.RecordId, default);
        Assert.Equal(holds, read!.ActiveHolds);
        Assert.Equal(entry.Renditions, read.Renditions);
        var tools = new RecordTools(clients.Table(RecordStorage.ToolsTable));
        await tools.UpdateAsync("tool-a", f => f with { Holds = holds }, default);
        Assert.Equal(holds, (await tools.GetAsync("tool-a", default)).Holds);
    }

    private static string[] Ids(IEnumerable<RecordEntry> entries) => [.. entries.Select(e => e.RecordId)];
}

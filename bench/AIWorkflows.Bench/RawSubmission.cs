using AIWorkflows.Testing;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AIWorkflows.Bench;

/// <summary>
/// The storage requests of one submission (benchmark 1, submit step), made straight through the SDK:
/// the yardstick for the app's HTTP throughput. Same row counts and sizes, same order and overlap.
/// </summary>
internal sealed class RawSubmission
{
    public const int Transactions = 7;
    private static readonly string State = new('s', 2500), Event = new('e', 900), Mail = new('m', 3000), Small = new('x', 300), Json = new('j', 4000);
    private readonly TableClient _workflows, _timers, _index, _tools;
    private readonly BlobContainerClient _blobs;

    private RawSubmission(TableServiceClient tables, BlobServiceClient blobs, string prefix)
    {
        (_workflows, _timers, _index, _tools) = (tables.GetTableClient(prefix + "Workflows"), tables.GetTableClient(prefix + "Timers"),
            tables.GetTableClient(prefix + "Records"), tables.GetTableClient(prefix + "RecordTools"));
        _blobs = blobs.GetBlobContainerClient(prefix + "records");
    }

    public static async Task<RawSubmission> CreateAsync(AzuriteFixture azurite)
    {
        var prefix = "r" + Guid.NewGuid().ToString("N")[..12];
        var raw = new RawSubmission(new TableServiceClient(azurite.ConnectionString), new BlobServiceClient(azurite.ConnectionString), prefix);
        await Task.WhenAll(raw._workflows.CreateIfNotExistsAsync(), raw._timers.CreateIfNotExistsAsync(), raw._index.CreateIfNotExistsAsync(),
            raw._tools.CreateIfNotExistsAsync(), raw._blobs.CreateIfNotExistsAsync());
        return raw;
    }

    public async Task<bool> RunAsync(int i)
    {
        var id = "req-" + Guid.NewGuid().ToString("N")[..16];
        var outbox = new[] { ("out-2-mail-requester", Mail), ("out-2-record-submission", Small), ("out-3-mail-director", Mail), ("out-3-timer-director", Small) };
        // The commit: state, two events, four outbox rows.
        await _workflows.SubmitTransactionAsync(
            new[] { Row(id, "state", State), Row(id, "evt-0000000001", Event), Row(id, "evt-0000000002", Event) }
                .Concat(outbox.Select(o => Row(id, o.Item1, o.Item2)))
                .Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        // The effects, side by side as the dispatcher runs them: the timer row, and the record.
        await Task.WhenAll(
            _timers.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, Row("2026112317", $"{i:D10}-{id}", Small))]),
            RecordAsync(id));
        await _workflows.SubmitTransactionAsync(outbox.Select(o => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, o.Item1), ETag.All)));
        return true;
    }

    // A record kept by an effect: its own effects (the index row) first, then its commit with no outbox row, then the tool's holds.
    private async Task RecordAsync(string requestId)
    {
        var recordId = $"tool-{requestId[4..]}.submission";
        await _blobs.GetBlobClient($"{recordId}.json").UploadAsync(BinaryData.FromString(Json), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });
        await _index.UpsertEntityAsync(Row($"tool-{requestId[4..]}", recordId, Small), TableUpdateMode.Replace);
        await _workflows.SubmitTransactionAsync(new[] { Row(recordId, "state", State), Row(recordId, "evt-0000000001", Event) }
            .Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
        await _tools.GetEntityIfExistsAsync<TableEntity>($"tool-{requestId[4..]}", "tool");
    }

    private static TableEntity Row(string pk, string rk, string data) => new(pk, rk) { ["Data"] = data };
}

using AIWorkflows.App.Records;
using AIWorkflows.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace AIWorkflows.App.Pages.Records;

/// <summary><c>/records/access-log</c>: who searched, read, downloaded, exported or was refused; read-only, newest first.</summary>
public sealed class AccessLogModel(RecordsService service) : RecordsPage(service)
{
    public IReadOnlyList<AccessLogEntry> Entries { get; private set; } = [];

    public string? RecordId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? recordId, CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(recordId, ct) is { } refused) return refused;
        RecordId = recordId;
        Entries = await Service.AccessLogAsync(Actor, null, null, recordId, 500, ct);
        return Page();
    }
}

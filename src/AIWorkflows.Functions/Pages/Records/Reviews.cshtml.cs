using AIWorkflows.App.Records;
using AIWorkflows.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace AIWorkflows.App.Pages.Records;

/// <summary><c>/records/reviews</c>: the records officer's queue of disposition reviews, oldest end first.</summary>
public sealed class ReviewsModel(RecordsService service) : RecordsPage(service)
{
    public IReadOnlyList<RecordEntry> Due { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await RefuseUnlessOfficerAsync(null, ct) is { } refused) return refused;
        Due = await Service.ReviewsAsync(Actor, ct);
        return Page();
    }
}

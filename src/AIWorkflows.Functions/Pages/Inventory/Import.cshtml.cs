using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages.Inventory;

/// <summary>
/// <c>/inventory/import</c>: the AI officer uploads an existing inventory in the federal schema
/// (OMB M-25-21) and reads the per-row report; the same import as POST /api/inventory/import.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = FederalImporter.MaxBytes + 64 * 1024)]
public sealed class ImportModel(FederalImporter importer) : PageModel
{
    public ProblemView? Problem { get; private set; }

    public ImportReport? Report { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public IActionResult OnGet() => Allowed() ? Page() : Refused();

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (!Allowed()) return Refused();
        if (file is null || file.Length == 0) return Invalid("Choose the CSV file to import.");
        if (file.Length > FederalImporter.MaxBytes) return Invalid($"The file is larger than {FederalImporter.MaxBytes / (1024 * 1024)} MiB.");
        await using var body = file.OpenReadStream();
        switch (await importer.ImportAsync(body, ct))
        {
            case FederalImporter.Result.Done d:
                Report = d.Report;
                return Page();
            case FederalImporter.Result.Invalid i:
                return Invalid($"{i.Title}. {i.Detail}");
            default:
                throw new InvalidOperationException("Unknown import result.");
        }
    }

    private bool Allowed() => User.IsInRole(Roles.AiOfficer) || User.IsInRole(Roles.Admin);

    private PageResult Refused()
    {
        var signedIn = User.Identity?.IsAuthenticated == true;
        Problem = signedIn
            ? new ProblemView(403, "Only the AI officer can import an inventory", "Importing registers tools in the public register. Ask the AI officer or an administrator.")
            : new ProblemView(401, "Sign in to import an inventory", "Importing is for the AI officer. Sign in with your city account and open this page again.");
        Response.StatusCode = Problem.Status;
        return Page();
    }

    private PageResult Invalid(string message)
    {
        Errors = new FormErrors(new Dictionary<string, string[]> { ["file"] = [message] }, ["file"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

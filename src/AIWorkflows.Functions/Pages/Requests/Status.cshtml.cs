using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;
using AIWorkflows.App.Web;
using static AIWorkflows.App.ToolApprovals.RequestDocumentService;

namespace AIWorkflows.App.Pages.Requests;

/// <summary>
/// <c>/requests/{id}</c>: where a request is, why it has its tier, and everything that happened to it; its
/// insiders also add technical documentation here (Sacramento VI.A.5).
/// </summary>
[RequestSizeLimit(UploadedFile.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadedFile.MaxRequestBytes)]
public sealed class StatusModel(ToolApprovalService service, UnionNoticeService unions, RequestDocumentService documents, DurableTaskClient client, PolicyPack pack)
    : PageModel
{
    private static readonly string[] DocumentOrder = ["document", "title"];

    public RequestView? View { get; private set; }

    public ProblemView? Problem { get; private set; }

    /// <summary>Insiders may add documentation while the request is open.</summary>
    public bool CanAddDocuments { get; private set; }

    public FormErrors DocumentErrors { get; private set; } = FormErrors.None;

    public string? Title { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Why the file was not added when the form itself was fine (the request closed meanwhile).</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostDocumentAsync(string id, CancellationToken ct)
    {
        if (Request.ContentLength > UploadedFile.MaxRequestBytes)
            return await ShowAsync(id, ct, StatusCodes.Status413PayloadTooLarge, new() { ["document"] = [$"The file must be at most {UploadedFile.MaxBytes / (1024 * 1024)} MB."] });
        var form = await Request.ReadFormAsync(ct);
        Title = form["title"].FirstOrDefault();
        var upload = await UploadedFile.ReadAsync(form.Files.GetFile("document"), ct);
        switch (await documents.AttachAsync(client, id, User, Title, upload, ct))
        {
            case Result.Attached a:
                Title = null;
                Message = a.New ? $"{a.Document.FileName} is added to the request and kept as record {a.Document.RecordId}." : $"{a.Document.FileName} was already added.";
                return await ShowAsync(id, ct);
            case Result.Invalid i:
                return await ShowAsync(id, ct, StatusCodes.Status400BadRequest, i.Errors);
            case Result.Refused r when r.Status == StatusCodes.Status409Conflict:
                Refusal = r.Detail;
                return await ShowAsync(id, ct, r.Status);
            case Result.Refused r:
                Problem = new ProblemView(r.Status, r.Title, r.Detail);
                Response.StatusCode = r.Status;
                return Page();
            default:
                throw new InvalidOperationException("Unknown result.");
        }
    }

    private async Task<IActionResult> ShowAsync(string id, CancellationToken ct, int status = StatusCodes.Status200OK, Dictionary<string, string[]>? errors = null)
    {
        // The address is the requester's link to the request: kept out of caches, search engines and Referer headers.
        LinkPageHeaders.Apply(this);
        if (await service.GetAsync(id, ct) is { State.CaseOrNull: not null } snapshot)
        {
            // Issue 17 §4, issue 19.2: people and their words are shown to the request's insiders only.
            var insider = RequestAudience.IsInsider(User, snapshot.State.CaseOrNull.Form, pack);
            View = RequestView.From(snapshot, pack, union: await unions.ForRequestAsync(snapshot.State, ct), insider: insider);
            CanAddDocuments = insider && snapshot.State is Domain.ToolApprovals.ToolApproval.InReview
                or Domain.ToolApprovals.ToolApproval.InRemediation or Domain.ToolApprovals.ToolApproval.AwaitingUnion;
            DocumentErrors = new FormErrors(errors, DocumentOrder);
            Response.StatusCode = status;
            return Page();
        }
        Problem = ProblemView.NoSuchRequest(id);
        Response.StatusCode = Problem.Status;
        return Page();
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Records;
using AIWorkflows.App.Web;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Records;
using Microsoft.DurableTask.Client;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// Sacramento VI.A.5 ("obtain technical documentation"): the requester, or someone in the review, adds the
/// vendor's documentation to an open request. Each file is kept first as a record of the request (class
/// <c>submission</c>, "Tool request and technical documentation"), then the request refers to it; only the
/// request's insiders (<see cref="RequestAudience"/>) add or read them, and each reading is in the access log.
/// </summary>
public sealed class RequestDocumentService(
    WorkflowGateway<ToolApprovalCommand, ToolApproval, ToolApprovalEvent> store,
    IRecordArchive archive,
    RecordsService records,
    PolicyPack pack,
    TimeProvider clock)
{
    public const int MaxTitle = 200;

    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = "application/pdf",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["doc"] = "application/msword",
        ["odt"] = "application/vnd.oasis.opendocument.text",
        ["rtf"] = "application/rtf",
        ["txt"] = "text/plain",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["csv"] = "text/csv",
    };

    public abstract record Result
    {
        public sealed record Attached(AttachedDocument Document, bool New) : Result;
        public sealed record Invalid(Dictionary<string, string[]> Errors) : Result;
        public sealed record Refused(int Status, string Title, string Detail) : Result;
    }

    /// <summary>Keeps the file as a record and adds it to the request; refused for outsiders and once the request has its outcome.</summary>
    public async Task<Result> AttachAsync(DurableTaskClient client, string requestId, ClaimsPrincipal user, string? title, UploadedFile? file, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsSignedIn()) return new Result.Refused(StatusCodes.Status401Unauthorized, "Sign in to add documentation", "Documentation is added by the requester or the request's reviewers, signed in with their city account.");
        if (await store.LoadAsync(requestId, includeEvents: false, ct) is not { State.CaseOrNull: { } c } snapshot)
            return new Result.Refused(StatusCodes.Status404NotFound, "No such request", $"There is no request '{requestId}'.");
        if (!RequestAudience.IsInsider(user, c.Form, pack))
            return new Result.Refused(StatusCodes.Status403Forbidden, "Not your request", "Documentation is added by the request's requester, the person who sent it for them, or city staff in a reviewing role.");
        if (snapshot.State is ToolApproval.Approved or ToolApproval.Rejected or ToolApproval.Withdrawn)
            return new Result.Refused(StatusCodes.Status409Conflict, "The request is closed", $"The request is {snapshot.State.Status}: its record is complete, so nothing more is added to it.");

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var type = UploadedFile.Check(file, Types, "document", "Choose the file to add.",
            "Add the documentation as PDF, Word (DOCX or DOC), OpenDocument text, RTF, plain text, Excel (XLSX) or CSV.", errors);
        title = title?.Trim() ?? "";
        if (title.Length > MaxTitle) errors["title"] = [$"Use at most {MaxTitle} characters."];
        else if (!SingleLineText.IsValid(title)) errors["title"] = [SingleLineText.Refusal];
        if (errors.Count > 0 || type is not var (extension, contentType)) return new Result.Invalid(errors);

        var content = file!.Content;
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var fileName = file!.SafeName("documentation");
        var rc = pack.RetentionClass("submission");
        var at = clock.GetUtcNow();
        // The record's id comes from the content, so a retried upload keeps the same record and one document.
        var entry = await archive.ArchiveAsync(new NewRecord(
            $"{c.ToolId}.documentation-{sha[..16]}", "submission",
            $"Technical documentation: {(title.Length > 0 ? title : fileName)} ({c.Form.ToolName})", c.ToolId, c.RequestId, c.Form.Department, at,
            rc.StartsOn, rc.Permanent || rc.Years is null || rc.StartsOn != "created" ? null : at.AddYears(rc.Years.Value),
            [new Rendition(extension, contentType, content)]), ct);
        var document = new AttachedDocument(entry.RecordId, title.Length > 0 ? title : fileName, fileName, sha, content.Length, user.Email() ?? "unknown");
        var d = await store.SendAsync(client, requestId, new AttachDocument(document, at), ct);
        if (d.NewEvents.Count > 0) return new Result.Attached(document, New: true);
        if (d.State.CaseOrNull?.DocumentsOrEmpty.FirstOrDefault(x => x.RecordId == entry.RecordId) is { } kept) return new Result.Attached(kept, New: false);
        return new Result.Refused(StatusCodes.Status409Conflict, "The request is closed", $"The request is {d.State.Status}: the file was kept as record {entry.RecordId}, but not added.");
    }

    /// <summary>A document of the request, for its insiders, through the records service (verified, and logged in the access log).</summary>
    public async Task<(RecordFile? File, Result.Refused? Refusal)> ReadAsync(HttpContext http, string requestId, string recordId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        // Signed in first: whether a document exists is itself for insiders only.
        if (!http.User.IsSignedIn())
            return (null, new Result.Refused(StatusCodes.Status401Unauthorized, "Sign in to read documentation", "The request's documentation is for its requester and reviewers, signed in with their city account."));
        if (await store.LoadAsync(requestId, includeEvents: false, ct) is not { State.CaseOrNull: { } c })
            return (null, new Result.Refused(StatusCodes.Status404NotFound, "No such document", "This request has no such document."));
        if (!RequestAudience.IsInsider(http.User, c.Form, pack))
            return (null, new Result.Refused(StatusCodes.Status403Forbidden, "Not your request", "The request's documentation is for its requester and reviewers."));
        if (c.DocumentsOrEmpty.All(x => x.RecordId != recordId))
            return (null, new Result.Refused(StatusCodes.Status404NotFound, "No such document", "This request has no such document."));
        var read = await records.DownloadAsync(RecordActor.From(http), recordId, format: null, ct);
        return read.Problem is { } p ? (null, new Result.Refused(p.Status, p.Title, p.Detail)) : (read.Value, null);
    }
}

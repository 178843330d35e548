using System.Globalization;
using System.Security.Cryptography;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.UnionNotices;
using AIWorkflows.Storage.Records;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.UnionNotices;

public sealed partial class UnionNoticeService
{
    public static readonly IReadOnlyDictionary<string, string> MinutesTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = "application/pdf",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["doc"] = "application/msword",
        ["odt"] = "application/vnd.oasis.opendocument.text",
        ["rtf"] = "application/rtf",
        ["txt"] = "text/plain; charset=utf-8",
    };

    public sealed record MeetingInput(string? OrganizationId, string? Date, string? Attendees, UploadedFile? Minutes);

    public sealed record ConclusionInput(string? OrganizationId, string? Outcome, string? Summary);

    public abstract record CaseResult
    {
        public sealed record Done(UnionNoticeView Notice, string Message) : CaseResult;

        public sealed record Invalid(Dictionary<string, string[]> Errors) : CaseResult;

        public sealed record NotFound : CaseResult;

        private CaseResult() { }
    }

    /// <summary>
    /// Labor relations logs a meeting of an open case. The minutes are kept as a record first (their id
    /// comes from their content, so a retry keeps the same record), then the meeting refers to them.
    /// </summary>
    public async Task<CaseResult> LogMeetingAsync(DurableTaskClient client, string noticeId, MeetingInput input, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await GetAsync(noticeId, ct) is not { State.CaseOrNull: { } c }) return new CaseResult.NotFound();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var o = OpenCase(c, input.OrganizationId, errors);
        var today = calendar.LocalDate(clock.GetUtcNow());
        DateOnly date = default;
        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            errors["date"] = ["Enter the date of the meeting, for example 2026-12-03."];
        else if (date > today) errors["date"] = ["The meeting date cannot be in the future: log a meeting once it has taken place."];
        else if (date < calendar.LocalDate(c.NoticedAt)) errors["date"] = ["The meeting date cannot be before the notice was sent."];
        var attendees = Text(input.Attendees, "attendees", "List who attended, for the city and for the organization.", ToolRequestValidator.MaxText, errors);
        var type = UploadedFile.Check(input.Minutes, MinutesTypes, "minutes", "Attach the minutes of the meeting.",
            "Attach the minutes as PDF, Word (DOCX or DOC), OpenDocument text, RTF or plain text.", errors);
        if (errors.Count > 0 || o is null || type is not var (extension, contentType)) return new CaseResult.Invalid(errors);

        var content = input.Minutes!.Content;
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var fileName = input.Minutes.SafeName("minutes");
        var rc = pack.RetentionClass("meeting_minutes");
        var at = clock.GetUtcNow();
        // Albuquerque 3.2 / Sacramento VI.A.7: the minutes are a record of the meet and confer, kept for their class's period.
        var entry = await archive.ArchiveAsync(new NewRecord(
            $"{c.Tool.ToolId}.union-minutes-{o.Id}-{sha[..16]}", "meeting_minutes",
            $"Meet-and-confer minutes: {o.Name}, {date:yyyy-MM-dd} ({c.Tool.ToolName})", c.Tool.ToolId, c.Tool.RequestId, c.Tool.Department, at,
            rc.StartsOn, rc.Permanent || rc.Years is null || rc.StartsOn != "created" ? null : at.AddYears(rc.Years.Value),
            [new Rendition(extension, contentType, content)]), ct);

        var d = await store.SendAsync(client, noticeId, new UnionNoticeCommand.LogMeeting(
            o.Id, date, attendees, new MinutesRecord(entry.RecordId, fileName, sha, content.Length), by, at), ct);
        if (d.NewEvents.Count == 0) return new CaseResult.Invalid(new() { ["organizationId"] = ["That case was concluded meanwhile; the meeting was not logged."] });
        return new CaseResult.Done(UnionNoticeView.From(d.State, calendar, detailed: true), $"Meeting of {date:d MMMM yyyy} with {o.Name} logged; the minutes are kept as record {entry.RecordId}.");
    }

    /// <summary>Labor relations concludes a case by agreement or impasse.</summary>
    public async Task<CaseResult> ConcludeAsync(DurableTaskClient client, string noticeId, ConclusionInput input, string by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await GetAsync(noticeId, ct) is not { State.CaseOrNull: { } c }) return new CaseResult.NotFound();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var o = OpenCase(c, input.OrganizationId, errors);
        var outcome = input.Outcome switch { "agreement" => CaseOutcome.Agreement, "impasse" => (CaseOutcome?)CaseOutcome.Impasse, _ => null };
        if (outcome is null) errors["outcome"] = ["Choose agreement or impasse."];
        // Sacramento VI.A.7 (MMBA): impasse is declared after meeting in good faith, so a meeting must be logged first.
        else if (outcome == CaseOutcome.Impasse && o?.Case is { Meetings.Count: 0 }) errors["outcome"] = ["Log at least one meeting before declaring impasse."];
        var summary = Text(input.Summary, "summary", "Summarize the agreement, or the positions at impasse.", ToolRequestValidator.MaxText, errors);
        if (errors.Count > 0 || o is null) return new CaseResult.Invalid(errors);

        var d = await store.SendAsync(client, noticeId, new UnionNoticeCommand.Conclude(o.Id, outcome!.Value, summary, by, clock.GetUtcNow()), ct);
        if (d.NewEvents.Count == 0) return new CaseResult.Invalid(new() { ["organizationId"] = ["That case was concluded meanwhile."] });
        var cleared = d.NewEvents.Any(e => e.Event is UnionNoticeEvent.GoLiveCleared) ? " Every organization is settled and the lead time has passed: the tool is cleared to go live." : "";
        return new CaseResult.Done(UnionNoticeView.From(d.State, calendar, detailed: true),
            $"The case with {o.Name} is concluded ({input.Outcome}).{cleared}");
    }

    private static OrganizationNotice? OpenCase(NoticeCase c, string? organizationId, Dictionary<string, string[]> errors)
    {
        if (c.Organization(organizationId ?? "") is { Case.IsOpen: true } o) return o;
        errors["organizationId"] = ["Choose an organization with an open meet-and-confer case."];
        return null;
    }
}

using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.UnionNotices;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// A notice as people and other systems read it: each organization's state and deadlines. The
/// request's public view leaves out meeting details (attendees, minutes); labor relations sees all.
/// </summary>
public sealed record UnionNoticeView(
    string NoticeId,
    string RequestId,
    string ToolId,
    string ToolName,
    string Vendor,
    string Department,
    string Purpose,
    string Status,
    DateTimeOffset NoticedAt,
    DateTimeOffset? ReminderAt,
    DateTimeOffset WindowClosesAt,
    DateOnly RespondBy,
    DateTimeOffset EarliestGoLiveAt,
    DateOnly? PlannedGoLive,
    DateTimeOffset? ClearedAt,
    string? EmergencyJustification,
    IReadOnlyList<UnionOrganizationView> Organizations)
{
    public static UnionNoticeView From(UnionNotice state, BusinessCalendar calendar, bool detailed)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var c = state.CaseOrNull ?? throw new ArgumentException("The notice has not started.", nameof(state));
        return new UnionNoticeView(
            c.NoticeId, c.Tool.RequestId, c.Tool.ToolId, c.Tool.ToolName, c.Tool.Vendor, c.Tool.Department, c.Tool.Purpose, state.Status,
            c.NoticedAt, c.Clock.ReminderAt, c.Clock.WindowClosesAt, calendar.LocalDate(c.Clock.WindowClosesAt.AddTicks(-1)),
            c.Clock.EarliestGoLiveAt, c.Tool.PlannedGoLive,
            state switch { UnionNotice.Cleared x => x.ClearedAt, _ => null },
            c.EmergencyJustification,
            [.. c.Organizations.Select(o => UnionOrganizationView.From(o, c, detailed))]);
    }

    /// <summary>For a request's status link held by someone outside it (issue 19.2): states and dates, no one's address or words.</summary>
    public UnionNoticeView ForOutsiders() => this with
    {
        EmergencyJustification = null,
        Organizations = [.. Organizations.Select(o => o with { AnsweredBy = null })],
    };
}

/// <summary>
/// One organization: <c>status</c> is noticed, waived, deemed_waived, meet_and_confer, agreement or
/// impasse; <c>respondBy</c> is set while an answer is awaited.
/// </summary>
public sealed record UnionOrganizationView(
    string Id,
    string Name,
    string Email,
    IReadOnlyList<string> Classifications,
    string Status,
    DateTimeOffset? RespondBy,
    string? Answer,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    UnionCaseView? Case)
{
    public static UnionOrganizationView From(OrganizationNotice o, NoticeCase c, bool detailed) => new(
        o.Id, o.Name, o.Email, o.Classifications, o.Status,
        o.Answer is null ? c.Clock.WindowClosesAt : null,
        o.Answer?.Kind switch { AnswerKind.Waived => "waived", AnswerKind.DeemedWaived => "deemed_waived", AnswerKind.Requested => "requested", _ => null },
        o.Answer is { By.Length: > 0 } a ? a.By : null,
        o.Answer?.At,
        o.Case is { } m ? UnionCaseView.From(m, detailed) : null);
}

/// <summary>A meet-and-confer case; <c>holdsGoLive</c> is false for a late request.</summary>
public sealed record UnionCaseView(
    DateTimeOffset OpenedAt,
    bool HoldsGoLive,
    DateTimeOffset DueBy,
    bool Overdue,
    int MeetingCount,
    IReadOnlyList<UnionMeetingView> Meetings,
    string? Outcome,
    string? Summary,
    string? ConcludedBy,
    DateTimeOffset? ConcludedAt)
{
    public static UnionCaseView From(MeetAndConferCase m, bool detailed) => new(
        m.OpenedAt, m.HoldsGoLive, m.DueBy, m.Overdue, m.Meetings.Count,
        detailed ? [.. m.Meetings.Select(x => new UnionMeetingView(x.Number, x.Date, x.Attendees, x.Minutes.RecordId, x.Minutes.FileName, x.Minutes.Sha256, x.Minutes.Size, x.LoggedBy, x.At))] : [],
        m.Conclusion?.Outcome switch { CaseOutcome.Agreement => "agreement", CaseOutcome.Impasse => "impasse", _ => null },
        detailed ? m.Conclusion?.Summary : null,
        detailed ? m.Conclusion?.By : null,
        m.Conclusion?.At);
}

public sealed record UnionMeetingView(
    int Number, DateOnly Date, string Attendees, string MinutesRecordId, string MinutesFileName, string MinutesSha256, long MinutesSize,
    string LoggedBy, DateTimeOffset LoggedAt);

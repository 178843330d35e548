using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.UnionNotices;

// Union notice and meet-and-confer: notice of a new AI tool to each recognized employee organization
// it may affect, a response window, a meet-and-confer case on request, and roll-out held until each
// organization has waived or concluded (Sacramento VI.A.7, Meyers-Milias-Brown Act).

/// <summary>One notice (one approved request); only the shapes that can exist.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "shape")]
[JsonDerivedType(typeof(None), "none")]
[JsonDerivedType(typeof(Blocking), "blocking")]
[JsonDerivedType(typeof(Cleared), "cleared")]
[JsonDerivedType(typeof(Withdrawn), "withdrawn")]
public abstract record UnionNotice
{
    public sealed record None : UnionNotice;

    /// <summary>Noticed; the tool may not go live until every organization has waived or concluded and the lead time has passed.</summary>
    public sealed record Blocking(NoticeCase Case) : UnionNotice;

    /// <summary>Go-live cleared, or adopted at once on the emergency path; a later request still opens a case.</summary>
    public sealed record Cleared(NoticeCase Case, DateTimeOffset ClearedAt) : UnionNotice;

    /// <summary>The requester withdrew the request before roll-out; nothing more is owed.</summary>
    public sealed record Withdrawn(NoticeCase Case, string By, string Reason, DateTimeOffset At) : UnionNotice;

    private UnionNotice() { }

    public string Status => this switch
    {
        Blocking => "notice",
        Cleared { Case.Emergency: true } => "emergency",
        // Sacramento VI.A.7: notice after the fact of a registered tool; no roll-out to hold.
        Cleared { Case.Tool.RequestId: "" } => "in_use",
        Cleared => "cleared",
        Withdrawn => "withdrawn",
        _ => "none",
    };

    public NoticeCase? CaseOrNull => this switch
    {
        Blocking b => b.Case,
        Cleared c => c.Case,
        Withdrawn w => w.Case,
        _ => null,
    };
}

/// <summary>What the notice is about, when its deadlines fall and where each organization stands.</summary>
public sealed record NoticeCase(
    string NoticeId,
    NoticedTool Tool,
    NoticeClock Clock,
    ImmutableList<OrganizationNotice> Organizations,
    string? EmergencyJustification,
    DateTimeOffset NoticedAt,
    bool Reminded)
{
    public bool Emergency => EmergencyJustification is not null;

    public OrganizationNotice? Organization(string id) => Organizations.FirstOrDefault(o => o.Id == id);

    public NoticeCase With(OrganizationNotice o) =>
        this with { Organizations = Organizations.Select(x => x.Id == o.Id ? o : x).ToImmutableList() };

    /// <summary>Every organization has waived (or is deemed to have) or concluded the case that held roll-out.</summary>
    public bool AllSettled => Organizations.All(o => o.Settled);
}

/// <summary>The tool as the notice letter describes it.</summary>
public sealed record NoticedTool(
    string RequestId,
    string ToolId,
    string ToolName,
    string Vendor,
    string Department,
    string Purpose,
    string RequesterEmail,
    ImmutableList<string> Classifications,
    DateOnly? PlannedGoLive);

/// <summary>
/// The notice's deadlines in business days in the city's time zone: the reminder to labor relations,
/// the end of the request window (the end of its last business day) and the earliest go-live.
/// </summary>
public sealed record NoticeClock(DateTimeOffset? ReminderAt, DateTimeOffset WindowClosesAt, DateTimeOffset EarliestGoLiveAt);

/// <summary>An organization, its contact, the classifications it represents here, its answer and its case.</summary>
public sealed record OrganizationNotice(
    string Id,
    string Name,
    string Email,
    ImmutableList<string> Classifications,
    NoticeAnswer? Answer,
    MeetAndConferCase? Case)
{
    public bool Settled => Answer?.Kind is AnswerKind.Waived or AnswerKind.DeemedWaived
        || Case is { HoldsGoLive: true, Conclusion: not null };

    /// <summary>noticed, waived, deemed_waived, meet_and_confer, agreement or impasse.</summary>
    public string Status => (Answer?.Kind, Case) switch
    {
        (_, { Conclusion.Outcome: CaseOutcome.Agreement }) => "agreement",
        (_, { Conclusion.Outcome: CaseOutcome.Impasse }) => "impasse",
        (_, not null) => "meet_and_confer",
        (AnswerKind.Waived, _) => "waived",
        (AnswerKind.DeemedWaived, _) => "deemed_waived",
        _ => "noticed",
    };
}

public sealed record NoticeAnswer(AnswerKind Kind, string By, string Comments, DateTimeOffset At);

/// <summary>
/// A meet-and-confer case. <c>HoldsGoLive</c> is false for a request made after the window closed,
/// after go-live was cleared or on the emergency path: the city meets, but roll-out does not wait.
/// </summary>
public sealed record MeetAndConferCase(
    DateTimeOffset OpenedAt,
    bool HoldsGoLive,
    DateTimeOffset DueBy,
    bool Overdue,
    ImmutableList<Meeting> Meetings,
    CaseConclusion? Conclusion)
{
    public bool IsOpen => Conclusion is null;
}

public sealed record Meeting(int Number, DateOnly Date, string Attendees, MinutesRecord Minutes, string LoggedBy, DateTimeOffset At);

/// <summary>The uploaded minutes, kept in the records archive under <c>RecordId</c>.</summary>
public sealed record MinutesRecord(string RecordId, string FileName, string Sha256, long Size);

public sealed record CaseConclusion(CaseOutcome Outcome, string Summary, string By, DateTimeOffset At);

[JsonConverter(typeof(JsonStringEnumConverter<AnswerKind>))]
public enum AnswerKind
{
    [JsonStringEnumMemberName("waived")] Waived,
    [JsonStringEnumMemberName("deemed_waived")] DeemedWaived,
    [JsonStringEnumMemberName("requested")] Requested,
}

[JsonConverter(typeof(JsonStringEnumConverter<CaseOutcome>))]
public enum CaseOutcome
{
    [JsonStringEnumMemberName("agreement")] Agreement,
    [JsonStringEnumMemberName("impasse")] Impasse,
}

[JsonConverter(typeof(JsonStringEnumConverter<NoticeDeadline>))]
public enum NoticeDeadline
{
    [JsonStringEnumMemberName("reminder")] Reminder,
    [JsonStringEnumMemberName("window_closes")] WindowCloses,
    [JsonStringEnumMemberName("earliest_go_live")] EarliestGoLive,
    [JsonStringEnumMemberName("case_limit")] CaseLimit,
}

using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.UnionNotices;

/// <summary>What happened to a notice: the stored audit trail (contracts read back years later; change with care).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(NoticeStarted), "notice_started")]
[JsonDerivedType(typeof(CaseOpenedOnTool), "case_opened_on_tool")]
[JsonDerivedType(typeof(OrganizationJoined), "organization_joined")]
[JsonDerivedType(typeof(WindowClosingReminded), "window_closing_reminded")]
[JsonDerivedType(typeof(NoticeWaived), "waived")]
[JsonDerivedType(typeof(DeemedWaived), "deemed_waived")]
[JsonDerivedType(typeof(MeetAndConferRequested), "meet_and_confer_requested")]
[JsonDerivedType(typeof(MeetingLogged), "meeting_logged")]
[JsonDerivedType(typeof(MeetAndConferOverdue), "meet_and_confer_overdue")]
[JsonDerivedType(typeof(MeetAndConferConcluded), "meet_and_confer_concluded")]
[JsonDerivedType(typeof(GoLiveCleared), "go_live_cleared")]
[JsonDerivedType(typeof(NoticeWithdrawn), "withdrawn")]
public abstract record UnionNoticeEvent(DateTimeOffset At)
{
    public sealed record NoticeStarted(
        string NoticeId, NoticedTool Tool, ImmutableList<OrganizationContact> Organizations, NoticeClock Clock,
        string? EmergencyJustification, DateTimeOffset At) : UnionNoticeEvent(At);

    /// <summary>Sacramento VI.A.7: notice (or a case) on a registered tool, after the fact: it holds no roll-out.</summary>
    public sealed record CaseOpenedOnTool(
        string NoticeId, NoticedTool Tool, ImmutableList<OrganizationContact> Organizations, NoticeClock Clock, string OpenedBy, DateTimeOffset At)
        : UnionNoticeEvent(At);

    /// <summary>An organization not noticed asked to meet and confer on the tool: it joins the notice.</summary>
    public sealed record OrganizationJoined(OrganizationContact Organization, DateTimeOffset At) : UnionNoticeEvent(At);

    public sealed record WindowClosingReminded(ImmutableList<string> Unanswered, DateTimeOffset WindowClosesAt, DateTimeOffset At) : UnionNoticeEvent(At);

    public sealed record NoticeWaived(string OrganizationId, string By, string Comments, DateTimeOffset At) : UnionNoticeEvent(At);

    public sealed record DeemedWaived(string OrganizationId, DateTimeOffset WindowClosedAt, DateTimeOffset At) : UnionNoticeEvent(At);

    public sealed record MeetAndConferRequested(string OrganizationId, string By, string Comments, bool HoldsGoLive, DateTimeOffset DueBy, DateTimeOffset At)
        : UnionNoticeEvent(At);

    public sealed record MeetingLogged(string OrganizationId, Meeting Meeting, DateTimeOffset At) : UnionNoticeEvent(At);

    public sealed record MeetAndConferOverdue(string OrganizationId, DateTimeOffset DueBy, DateTimeOffset At) : UnionNoticeEvent(At);

    public sealed record MeetAndConferConcluded(string OrganizationId, CaseOutcome Outcome, string Summary, string By, DateTimeOffset At)
        : UnionNoticeEvent(At);

    /// <summary>Every organization waived or concluded and the lead time passed: the approval may complete.</summary>
    public sealed record GoLiveCleared(string RequestId, DateTimeOffset At) : UnionNoticeEvent(At);

    public sealed record NoticeWithdrawn(string By, string Reason, DateTimeOffset At) : UnionNoticeEvent(At);
}

/// <summary>An organization as noticed: its contact and the affected classifications it represents.</summary>
public sealed record OrganizationContact(string Id, string Name, string Email, ImmutableList<string> Classifications);

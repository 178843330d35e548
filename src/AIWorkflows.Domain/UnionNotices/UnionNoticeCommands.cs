using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace AIWorkflows.Domain.UnionNotices;

/// <summary>Commands to a union notice. Each carries its own Now: the decider never reads a clock.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(Start), "start")]
[JsonDerivedType(typeof(OpenOnTool), "open_on_tool")]
[JsonDerivedType(typeof(Answer), "answer")]
[JsonDerivedType(typeof(LogMeeting), "log_meeting")]
[JsonDerivedType(typeof(Conclude), "conclude")]
[JsonDerivedType(typeof(Withdraw), "withdraw")]
[JsonDerivedType(typeof(Deadline), "deadline")]
public abstract record UnionNoticeCommand(DateTimeOffset Now)
{
    /// <summary>
    /// From the approval: the tool, the organization ids the gate chose and, on the emergency path,
    /// the justification for adopting first.
    /// </summary>
    public sealed record Start(
        string NoticeId, NoticedTool Tool, ImmutableList<string> Organizations, string? EmergencyJustification, DateTimeOffset Now)
        : UnionNoticeCommand(Now);

    /// <summary>
    /// Sacramento VI.A.7: a case on a tool already in the register, without an approval to hold: labor relations notices
    /// the organizations it chooses, or an organization that learned of the tool asks to meet and confer
    /// (<c>RequestingOrganization</c>; <c>By</c> and <c>Comments</c> are its contact and the impact it describes).
    /// On a notice that exists already, only the request counts: it joins that notice.
    /// </summary>
    public sealed record OpenOnTool(
        string NoticeId, NoticedTool Tool, ImmutableList<string> Organizations, string? RequestingOrganization, string By, string Comments, DateTimeOffset Now)
        : UnionNoticeCommand(Now);

    /// <summary>An organization's answer through its response link: waive, or request to meet and confer.</summary>
    public sealed record Answer(string OrganizationId, bool RequestMeetAndConfer, string By, string Comments, DateTimeOffset Now)
        : UnionNoticeCommand(Now);

    /// <summary>Labor relations logs a meeting of an open case; the minutes are already kept as a record.</summary>
    public sealed record LogMeeting(string OrganizationId, DateOnly Date, string Attendees, MinutesRecord Minutes, string By, DateTimeOffset Now)
        : UnionNoticeCommand(Now);

    /// <summary>Labor relations concludes a case by agreement or impasse.</summary>
    public sealed record Conclude(string OrganizationId, CaseOutcome Outcome, string Summary, string By, DateTimeOffset Now)
        : UnionNoticeCommand(Now);

    /// <summary>The request was withdrawn before roll-out.</summary>
    public sealed record Withdraw(string By, string Reason, DateTimeOffset Now) : UnionNoticeCommand(Now);

    /// <summary>A timer: carries what it was set for, so one the state has moved past decides nothing.</summary>
    public sealed record Deadline(NoticeDeadline Kind, string? OrganizationId, DateTimeOffset DueAt, DateTimeOffset Now) : UnionNoticeCommand(Now);
}

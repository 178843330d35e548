using System.Collections.Immutable;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using static AIWorkflows.Domain.UnionNotices.UnionNotice;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.Domain.UnionNotices;

/// <summary>Decides what a command does to a notice. Refused commands decide nothing; <see cref="Refusal"/> says why.</summary>
public sealed partial class UnionNoticeDecider(PolicyPack pack, BusinessCalendar calendar)
    : IDecider<UnionNoticeCommand, UnionNotice, UnionNoticeEvent>
{
    public UnionNotice Initial { get; } = new None();

    private UnionPolicy Policy => pack.Union ?? throw new InvalidOperationException($"The {pack.City} pack has no union policy.");

    public IReadOnlyList<UnionNoticeEvent> Decide(UnionNoticeCommand command, UnionNotice state) => (command, state) switch
    {
        (Start s, None) when pack.Union is { } u && s.Organizations.Count > 0 && s.Organizations.All(id => u.Organizations.Any(o => o.Id == id)) =>
            [Started(s)],
        (OpenOnTool o, None) when Known(o.Organizations, o.RequestingOrganization) is { Count: > 0 } orgs => OpenOnTool(o, orgs),
        (OpenOnTool { RequestingOrganization: { } id } o, Blocking or Cleared) when Known([], id) is { Count: 1 } =>
            JoinAndRequest(o, id, state),
        (Answer a, Blocking or Cleared) => WithClearance(state, Answer(a, state.CaseOrNull!, cleared: state is Cleared), a.Now),
        (LogMeeting m, Blocking or Cleared) when OpenCase(state, m.OrganizationId) is { } open =>
            [new MeetingLogged(m.OrganizationId, new Meeting(open.Meetings.Count + 1, m.Date, m.Attendees, m.Minutes, m.By, m.Now), m.Now)],
        // Sacramento VI.A.7 (MMBA): impasse follows good-faith meetings; an agreement may also be reached in writing.
        (Conclude c, Blocking or Cleared) when OpenCase(state, c.OrganizationId) is { } open && (c.Outcome == CaseOutcome.Agreement || open.Meetings.Count > 0) =>
            WithClearance(state, [new MeetAndConferConcluded(c.OrganizationId, c.Outcome, c.Summary, c.By, c.Now)], c.Now),
        (Withdraw w, Blocking) => [new NoticeWithdrawn(w.By, w.Reason, w.Now)],
        (Deadline d, Blocking or Cleared) => OnDeadline(d, state),
        _ => [], // a repeated start, an answer already given, a case already concluded, a stale timer
    };

    /// <summary>
    /// The notice's deadlines from the moment it is given. Sacramento VI.A.7 (MMBA reasonable written
    /// notice; the pack sets the window, the reminder and the minimum lead in business days).
    /// </summary>
    public NoticeClock Clock(DateTimeOffset noticedAt)
    {
        var u = Policy;
        // The window runs to the end of its last business day, city time: an answer that day is on time.
        var lastDay = calendar.LocalDate(calendar.AddBusinessDays(noticedAt, u.RequestWindowBusinessDays));
        var closes = calendar.AtLocal(lastDay.AddDays(1), TimeOnly.MinValue);
        var remindAfter = u.RequestWindowBusinessDays - u.ReminderBeforeWindowClosesBusinessDays;
        DateTimeOffset? reminder = u.ReminderBeforeWindowClosesBusinessDays > 0 && remindAfter > 0 ? calendar.AddBusinessDays(noticedAt, remindAfter) : null;
        return new NoticeClock(reminder, closes, calendar.AddBusinessDays(noticedAt, u.MinimumLeadBusinessDays));
    }

    private NoticeStarted Started(Start s)
    {
        var named = s.Tool.Classifications.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var organizations = s.Organizations.Distinct(StringComparer.Ordinal)
            .Select(id => Policy.Organizations.First(o => o.Id == id))
            .Select(o =>
            {
                var affected = o.Classifications.Where(named.Contains).ToImmutableList();
                // Noticed although none of its classifications was named (the gate notices everyone then): say what was named.
                return new OrganizationContact(o.Id, o.Name, o.Email, affected.Count > 0 ? affected : s.Tool.Classifications);
            })
            .ToImmutableList();
        return new NoticeStarted(s.NoticeId, s.Tool, organizations, Clock(s.Now), s.EmergencyJustification, s.Now);
    }

    // The pack's organizations among those named (and the requesting one), in the pack's order; empty when one is unknown.
    private ImmutableList<string> Known(ImmutableList<string> ids, string? requesting)
    {
        if (pack.Union is not { } u) return [];
        var wanted = ids.Append(requesting).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return wanted.All(id => u.Organizations.Any(o => o.Id == id)) ? [.. u.Organizations.Where(o => wanted.Contains(o.Id)).Select(o => o.Id)] : [];
    }

    private OrganizationContact Contact(string id, ImmutableList<string> classifications)
    {
        var named = classifications.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var o = Policy.Organizations.First(x => x.Id == id);
        var affected = o.Classifications.Where(named.Contains).ToImmutableList();
        return new OrganizationContact(o.Id, o.Name, o.Email, affected.Count > 0 ? affected : [.. o.Classifications]);
    }

    // Sacramento VI.A.7: notice of a registered tool, or an organization's request "upon learning of such implementation".
    private List<UnionNoticeEvent> OpenOnTool(OpenOnTool o, ImmutableList<string> organizations)
    {
        List<UnionNoticeEvent> events = [new CaseOpenedOnTool(o.NoticeId, o.Tool, [.. organizations.Select(id => Contact(id, o.Tool.Classifications))], Clock(o.Now), o.By, o.Now)];
        if (o.RequestingOrganization is { } id)
            events.Add(new MeetAndConferRequested(id, o.By, o.Comments, HoldsGoLive: false, DaysLater(o.Now, Policy.MeetAndConferLimitDays), o.Now));
        return events;
    }

    // A request on a tool that already has a notice joins it; an organization not noticed joins first. The public
    // page proves no one's identity, so such a request never holds a roll-out, and an organization noticed and yet
    // to answer answers through the link mailed to it (which may hold it): someone posing as it cannot answer for it.
    private List<UnionNoticeEvent> JoinAndRequest(OpenOnTool o, string id, UnionNotice state)
    {
        if (state.CaseOrNull!.Organization(id) is { Answer: null, Case: null }) return [];
        List<UnionNoticeEvent> joined = state.CaseOrNull.Organization(id) is null ? [new OrganizationJoined(Contact(id, state.CaseOrNull.Tool.Classifications), o.Now)] : [];
        var after = this.Fold(state, joined);
        var requested = Answer(new Answer(id, true, o.By, o.Comments, o.Now), after.CaseOrNull!, cleared: after is Cleared, mayHold: false);
        return requested.Count == 0 ? [] : WithClearance(state, [.. joined, .. requested], o.Now);
    }

    /// <param name="mayHold">False for a request whose sender is not proven (the public page): it never holds go-live.</param>
    private List<UnionNoticeEvent> Answer(Answer a, NoticeCase c, bool cleared, bool mayHold = true)
    {
        if (c.Organization(a.OrganizationId) is not { } o) return [];
        if (!a.RequestMeetAndConfer)
            return o.Answer is null ? [new NoticeWaived(o.Id, a.By, a.Comments, a.Now)] : [];
        // An organization that expressly waived has answered; one deemed to have waived may still ask.
        if (o.Case is not null || o.Answer?.Kind == AnswerKind.Waived) return [];
        var windowClosed = a.Now >= c.Clock.WindowClosesAt;
        List<UnionNoticeEvent> events = [];
        // Sacramento VI.A.7 (city default): no request by the window's end counts as waived, even if its timer is still on the way.
        if (o.Answer is null && windowClosed) events.Add(new DeemedWaived(o.Id, c.Clock.WindowClosesAt, a.Now));
        // Sacramento VI.A.7: "Upon request, the City shall meet and confer"; a late request (window closed, go-live
        // cleared or emergency adoption) still opens a case, but roll-out does not wait on it.
        var holds = mayHold && !cleared && !windowClosed;
        events.Add(new MeetAndConferRequested(o.Id, a.By, a.Comments, holds, DaysLater(a.Now, Policy.MeetAndConferLimitDays), a.Now));
        return events;
    }

    private List<UnionNoticeEvent> OnDeadline(Deadline d, UnionNotice state)
    {
        var c = state.CaseOrNull!;
        switch (d.Kind)
        {
            // City default (pack): labor relations is reminded before the window closes while answers are missing.
            case NoticeDeadline.Reminder when d.DueAt == c.Clock.ReminderAt && !c.Reminded:
                var unanswered = c.Organizations.Where(o => o.Answer is null).Select(o => o.Id).ToImmutableList();
                return unanswered.Count == 0 ? [] : [new WindowClosingReminded(unanswered, c.Clock.WindowClosesAt, d.Now)];
            // Sacramento VI.A.7 (city default): no request by the window's end counts as waived.
            case NoticeDeadline.WindowCloses when d.DueAt == c.Clock.WindowClosesAt:
                return WithClearance(state, [.. c.Organizations.Where(o => o.Answer is null).Select(o => new DeemedWaived(o.Id, d.DueAt, d.Now))], d.Now);
            // City default (pack): never live earlier than the minimum lead time after notice.
            case NoticeDeadline.EarliestGoLive when d.DueAt == c.Clock.EarliestGoLiveAt && state is Blocking:
                return WithClearance(state, [], d.Now, evenWithoutEvents: true);
            // City default (pack): a case still open at the meet-and-confer limit is flagged to labor relations.
            case NoticeDeadline.CaseLimit when c.Organization(d.OrganizationId ?? "") is { Case: { IsOpen: true, Overdue: false } open } o && open.DueBy == d.DueAt:
                return [new MeetAndConferOverdue(o.Id, open.DueBy, d.Now)];
            default:
                return [];
        }
    }

    // Sacramento VI.A.7 (MMBA): roll-out waits until every organization has waived or concluded, and
    // never comes earlier than the pack's minimum lead time after notice.
    private List<UnionNoticeEvent> WithClearance(UnionNotice state, List<UnionNoticeEvent> events, DateTimeOffset now, bool evenWithoutEvents = false)
    {
        if (events.Count == 0 && !evenWithoutEvents) return events;
        if (this.Fold(state, events) is Blocking { Case: var c } && c.AllSettled && now >= c.Clock.EarliestGoLiveAt)
            events.Add(new GoLiveCleared(c.Tool.RequestId, now));
        return events;
    }

    private static MeetAndConferCase? OpenCase(UnionNotice state, string organizationId) =>
        state.CaseOrNull?.Organization(organizationId)?.Case is { IsOpen: true } open ? open : null;

    // Calendar days in the city's zone, at the same local time of day.
    private DateTimeOffset DaysLater(DateTimeOffset from, int days)
    {
        var local = TimeZoneInfo.ConvertTime(from, calendar.Zone).DateTime;
        return calendar.AtLocal(DateOnly.FromDateTime(local).AddDays(days), TimeOnly.FromDateTime(local));
    }

    /// <summary>Why an organization's response link can no longer act, or null when it can.</summary>
    public static string? Refusal(UnionNotice state, string organizationId)
    {
        if (state.CaseOrNull?.Organization(organizationId) is not { } o) return "This notice is not addressed to your organization.";
        if (state is Withdrawn) return "The department withdrew its request: the city will not introduce this tool, so nothing is needed from you.";
        if (o.Case is { IsOpen: true }) return "Your organization asked to meet and confer; labor relations has opened a case and will arrange the meetings.";
        if (o.Case is { Conclusion: { } done }) return $"The meet-and-confer case is concluded ({(done.Outcome == CaseOutcome.Agreement ? "agreement" : "impasse")}).";
        if (o.Answer?.Kind == AnswerKind.Waived) return "Your organization waived meeting and conferring on this tool.";
        return null;
    }
}

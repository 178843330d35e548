using static AIWorkflows.Domain.UnionNotices.UnionNotice;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.Domain.UnionNotices;

public sealed partial class UnionNoticeDecider
{
    public UnionNotice Evolve(UnionNotice state, UnionNoticeEvent happened) => (state, happened) switch
    {
        (None, NoticeStarted e) => Begin(e),
        // Sacramento VI.A.7: the tool is already registered (in use or imported), so there is no roll-out to hold.
        (None, CaseOpenedOnTool e) => new Cleared(new NoticeCase(e.NoticeId, e.Tool, e.Clock, [.. e.Organizations.Select(Noticed)], null, e.At, false), e.At),
        (_, OrganizationJoined e) => Map(state, c => c.Organization(e.Organization.Id) is null ? c with { Organizations = c.Organizations.Add(Noticed(e.Organization)) } : c),
        (_, WindowClosingReminded) => Map(state, c => c with { Reminded = true }),
        (_, NoticeWaived e) => MapOrganization(state, e.OrganizationId, o => o with { Answer = new(AnswerKind.Waived, e.By, e.Comments, e.At) }),
        (_, DeemedWaived e) => MapOrganization(state, e.OrganizationId, o => o with { Answer = new(AnswerKind.DeemedWaived, "", "No request by the end of the window.", e.At) }),
        (_, MeetAndConferRequested e) => MapOrganization(state, e.OrganizationId, o => o with
        {
            Answer = o.Answer ?? new(AnswerKind.Requested, e.By, e.Comments, e.At),
            Case = new MeetAndConferCase(e.At, e.HoldsGoLive, e.DueBy, false, [], null),
        }),
        (_, MeetingLogged e) => MapCase(state, e.OrganizationId, m => m with { Meetings = m.Meetings.Add(e.Meeting) }),
        (_, MeetAndConferOverdue e) => MapCase(state, e.OrganizationId, m => m with { Overdue = true }),
        (_, MeetAndConferConcluded e) => MapCase(state, e.OrganizationId, m => m with { Conclusion = new(e.Outcome, e.Summary, e.By, e.At) }),
        (Blocking b, GoLiveCleared e) => new Cleared(b.Case, e.At),
        (Blocking b, NoticeWithdrawn e) => new Withdrawn(b.Case, e.By, e.Reason, e.At),
        _ => state,
    };

    private static UnionNotice Begin(NoticeStarted e)
    {
        var c = new NoticeCase(e.NoticeId, e.Tool, e.Clock,
            [.. e.Organizations.Select(Noticed)],
            e.EmergencyJustification, e.At, false);
        // Sacramento VI.A.7 (MMBA emergency adoption): adopted first, the notice follows and blocks nothing.
        return c.Emergency ? new Cleared(c, e.At) : new Blocking(c);
    }

    private static OrganizationNotice Noticed(OrganizationContact o) => new(o.Id, o.Name, o.Email, o.Classifications, null, null);

    private static UnionNotice Map(UnionNotice state, Func<NoticeCase, NoticeCase> f) => state switch
    {
        Blocking b => b with { Case = f(b.Case) },
        Cleared c => c with { Case = f(c.Case) },
        Withdrawn w => w with { Case = f(w.Case) },
        _ => state,
    };

    private static UnionNotice MapOrganization(UnionNotice state, string id, Func<OrganizationNotice, OrganizationNotice> f) =>
        Map(state, c => c.Organization(id) is { } o ? c.With(f(o)) : c);

    private static UnionNotice MapCase(UnionNotice state, string id, Func<MeetAndConferCase, MeetAndConferCase> f) =>
        MapOrganization(state, id, o => o.Case is { } m ? o with { Case = f(m) } : o);
}

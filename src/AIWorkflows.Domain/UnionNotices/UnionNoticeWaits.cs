using AIWorkflows.Domain.Deciding;
using static AIWorkflows.Domain.UnionNotices.UnionNotice;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;

namespace AIWorkflows.Domain.UnionNotices;

public sealed partial class UnionNoticeDecider
{
    /// <summary>
    /// Withdrawn, or cleared with every organization having expressly waived or concluded: no answer,
    /// meeting or timer can change it. An organization deemed to have waived may still ask to meet
    /// and confer (Sacramento VI.A.7, "upon learning"), so a notice with one stays open.
    /// </summary>
    public bool IsFinal(UnionNotice state) => state switch
    {
        Withdrawn => true,
        Cleared { Case: var c } => c.Organizations.All(o => o.Answer?.Kind == AnswerKind.Waived || o.Case is { IsOpen: false }),
        _ => false,
    };

    // The deadlines the timer effects set, each listed only while it would still decide something
    // (a due deadline that decides nothing would fire again and again).
    public IReadOnlyList<Deadline<UnionNoticeCommand>> Deadlines(UnionNotice state)
    {
        if (state is not (Blocking or Cleared) || state.CaseOrNull is not { } c) return [];
        List<Deadline<UnionNoticeCommand>> waits = [];
        var unanswered = c.Organizations.Any(o => o.Answer is null);
        if (c.Clock.ReminderAt is { } remind && !c.Reminded && unanswered) waits.Add(Due(NoticeDeadline.Reminder, null, remind));
        if (unanswered) waits.Add(Due(NoticeDeadline.WindowCloses, null, c.Clock.WindowClosesAt));
        // Settled before the lead time passed: roll-out clears when it does.
        if (state is Blocking && c.AllSettled) waits.Add(Due(NoticeDeadline.EarliestGoLive, null, c.Clock.EarliestGoLiveAt));
        waits.AddRange(c.Organizations.Where(o => o.Case is { IsOpen: true, Overdue: false })
            .Select(o => Due(NoticeDeadline.CaseLimit, o.Id, o.Case!.DueBy)));
        return waits;
    }

    private static Deadline<UnionNoticeCommand> Due(NoticeDeadline kind, string? organizationId, DateTimeOffset at) =>
        new(at, new Deadline(kind, organizationId, at, at));
}

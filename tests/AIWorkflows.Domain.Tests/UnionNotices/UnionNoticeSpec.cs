using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Tests.ToolApprovals;
using AIWorkflows.Domain.UnionNotices;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;

namespace AIWorkflows.Domain.Tests.UnionNotices;

/// <summary>Given / When / Then over the real decider with the test pack (clerks and analysts; Thanksgiving off).</summary>
internal static class UnionNoticeSpec
{
    public static readonly UnionNoticeDecider D = new(TestPack.Pack, TestPack.Calendar);

    /// <summary>Wednesday 2026-11-25 10:00 PT, the day before Thanksgiving.</summary>
    public static DateTimeOffset Now => TestPack.Now;

    private static readonly TimeSpan Pst = TimeSpan.FromHours(-8);

    // 7 business days after notice, skipping Thanksgiving and the day after: Tuesday 8 December, 10:00.
    public static readonly DateTimeOffset ReminderAt = new(2026, 12, 8, 10, 0, 0, Pst);

    // The 10th business day is Friday 11 December; the window runs to its end.
    public static readonly DateTimeOffset WindowClosesAt = new(2026, 12, 12, 0, 0, 0, Pst);

    // The 20th business day: Friday 25 December (not a holiday in the test pack), 10:00.
    public static readonly DateTimeOffset EarliestGoLiveAt = new(2026, 12, 25, 10, 0, 0, Pst);

    public const string Labor = "labor@city.example";

    public static NoticedTool Tool(params string[] classifications) => new(
        "req-1", "tool-1", "Transcribe", "Acme", "Utilities", "Transcribe council meetings", "requester@city.example",
        [.. classifications], new DateOnly(2027, 1, 15));

    public static Start StartBoth(string? emergency = null) => new("union-1", Tool("Clerk", "Analyst"), ["clerks", "analysts"], emergency, Now);

    public static Start StartClerks() => new("union-1", Tool("clerk"), ["clerks"], null, Now);

    public static UnionNotice Given(params IEnumerable<UnionNoticeCommand> commands)
    {
        var state = D.Initial;
        foreach (var c in commands) state = D.Fold(state, D.Decide(c, state));
        return state;
    }

    public static (IReadOnlyList<UnionNoticeEvent> Events, UnionNotice State) When(UnionNotice state, UnionNoticeCommand command)
    {
        var events = D.Decide(command, state);
        return (events, D.Fold(state, events));
    }

    public static Answer Waive(string org, DateTimeOffset? at = null) => new(org, false, "Sam Steward", "No concerns", at ?? Now.AddDays(1));

    public static Answer Request(string org, DateTimeOffset? at = null) => new(org, true, "Sam Steward", "Workload of clerks", at ?? Now.AddDays(1));

    public static LogMeeting Meet(string org, DateTimeOffset? at = null) => new(
        org, new DateOnly(2026, 12, 3), "Labor relations; Sam Steward; department", new MinutesRecord($"tool-1.minutes-{org}-1", "minutes.pdf", "ab12", 2048),
        Labor, at ?? Now.AddDays(8));

    public static Conclude Agree(string org, DateTimeOffset at) => new(org, CaseOutcome.Agreement, "Side letter on workload", Labor, at);

    public static Conclude Impasse(string org, DateTimeOffset at) => new(org, CaseOutcome.Impasse, "No agreement on monitoring", Labor, at);

    /// <summary>The timer the notice set for <paramref name="kind"/>, delivered at its due time.</summary>
    public static Deadline Due(UnionNotice state, NoticeDeadline kind, string? org = null)
    {
        var c = state.CaseOrNull!;
        var at = kind switch
        {
            NoticeDeadline.Reminder => c.Clock.ReminderAt!.Value,
            NoticeDeadline.WindowCloses => c.Clock.WindowClosesAt,
            NoticeDeadline.EarliestGoLive => c.Clock.EarliestGoLiveAt,
            _ => c.Organization(org!)!.Case!.DueBy,
        };
        return new Deadline(kind, org, at, at);
    }

    public static OrganizationNotice Org(UnionNotice state, string id) => state.CaseOrNull!.Organization(id)!;

    public static T Single<T>(IReadOnlyList<UnionNoticeEvent> events) where T : UnionNoticeEvent => Assert.Single(events.OfType<T>());
}

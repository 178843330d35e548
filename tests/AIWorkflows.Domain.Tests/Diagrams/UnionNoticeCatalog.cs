using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Tests.ToolApprovals;
using AIWorkflows.Domain.UnionNotices;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>
/// What can happen to a union notice: notice to two organizations, or adoption first on the emergency
/// path; each organization's waiver, request in the window or after it; one meeting and either
/// conclusion of a case; withdrawal; and the notice's four timers. One meeting per case is enough to
/// reach an impasse, so more are not tried.
/// </summary>
internal static class UnionNoticeCatalog
{
    public static WorkflowDiagram Diagram { get; } = new(
        "union-notices", "Union notices and meet and confer", nameof(UnionNoticeDecider), "UnionNotices/UnionNotice.cs",
        typeof(UnionNotice), typeof(UnionNoticeEvent), Explore);

    private const string Labor = "labor.relations@city.example";

    private static StateGraph? Explore(PolicyPack pack) => pack.Union is not { } union ? null : StateExplorer.Explore(
        new Exploration<UnionNoticeCommand, UnionNotice, UnionNoticeEvent>(
            new UnionNoticeDecider(pack, ShippedPacks.Calendar(pack)), (s, now) => Commands(union, s, now), c => c.Now, s => s.Status,
            TestPack.Now, MaxDepth: 5));

    private static IEnumerable<UnionNoticeCommand> Commands(UnionPolicy union, UnionNotice state, DateTimeOffset now)
    {
        if (state.CaseOrNull is not { } c)
        {
            var organizations = union.Organizations.Take(2).ToList();
            var tool = new NoticedTool("req-1", "tool-1", "Transcribe", "Acme", "Utilities", "Transcribe council meetings",
                "requester@city.example", [.. organizations.Select(o => o.Classifications[0])], null);
            yield return new Start("union-1", tool, [.. organizations.Select(o => o.Id)], null, now);
            yield return new Start("union-1", tool, [.. organizations.Select(o => o.Id)], "Storm response", now);
            // Sacramento VI.A.7: an organization asks on a registered tool no approval noticed.
            yield return new OpenOnTool("union-1", tool with { RequestId = "" }, [], organizations[0].Id, "steward@union.example", "Workload", now);
            yield break;
        }
        foreach (var o in c.Organizations)
        {
            yield return new Answer(o.Id, false, "Sam Steward", "No concerns", now);
            yield return new Answer(o.Id, true, "Sam Steward", "Workload", now);
            yield return new Answer(o.Id, true, "Sam Steward", "Workload, asked late", ShippedPacks.Later(now, c.Clock.WindowClosesAt));
            if (o.Case is not { } open) continue;
            if (open.Meetings.Count == 0)
                yield return new LogMeeting(o.Id, DateOnly.FromDateTime(now.UtcDateTime), "Labor relations; Sam Steward",
                    new MinutesRecord($"tool-1.minutes-{o.Id}-1", "minutes.pdf", new string('a', 64), 2048), Labor, now);
            foreach (var outcome in Enum.GetValues<CaseOutcome>()) yield return new Conclude(o.Id, outcome, "Concluded", Labor, now);
            yield return new Deadline(NoticeDeadline.CaseLimit, o.Id, open.DueBy, ShippedPacks.Later(now, open.DueBy));
        }
        if (union.Organizations.FirstOrDefault(o => c.Organization(o.Id) is null) is { } other)
            yield return new OpenOnTool(c.NoticeId, c.Tool, [], other.Id, "steward@union.example", "Workload", now);
        yield return new Withdraw("requester@city.example", "Dropped", now);
        if (c.Clock.ReminderAt is { } reminder) yield return new Deadline(NoticeDeadline.Reminder, null, reminder, ShippedPacks.Later(now, reminder));
        yield return new Deadline(NoticeDeadline.WindowCloses, null, c.Clock.WindowClosesAt, ShippedPacks.Later(now, c.Clock.WindowClosesAt));
        yield return new Deadline(NoticeDeadline.EarliestGoLive, null, c.Clock.EarliestGoLiveAt, ShippedPacks.Later(now, c.Clock.EarliestGoLiveAt));
    }
}

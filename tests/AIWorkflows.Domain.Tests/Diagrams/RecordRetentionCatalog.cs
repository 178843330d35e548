using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Records;
using AIWorkflows.Domain.Tests.Records;
using static AIWorkflows.Domain.Records.RecordCommand;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>
/// What can happen to a record: registration under a class whose clock starts at creation, one that
/// waits for an event, and a permanent one; the starting event, up to two legal holds and their release,
/// the retention timer, and a records officer's disposal or extension.
/// </summary>
internal static class RecordRetentionCatalog
{
    public static WorkflowDiagram Diagram { get; } = new(
        "records", "Records retention", nameof(RecordRetentionDecider), "Records/RecordRetention.cs",
        typeof(RecordRetention), typeof(RecordEvent), Explore);

    private const string Officer = "records@city.example";

    private static StateGraph Explore(PolicyPack pack) => StateExplorer.Explore(
        new Exploration<RecordCommand, RecordRetention, RecordEvent>(
            new RecordRetentionDecider(pack), (s, now) => Commands(pack, s, now), c => c.Now, s => s.Status,
            RecordRetentionSpec.Now, MaxDepth: 5));

    private static IEnumerable<RecordCommand> Commands(PolicyPack pack, RecordRetention state, DateTimeOffset now)
    {
        if (state is RecordRetention.None)
        {
            RetentionClass?[] classes =
            [
                pack.Retention.FirstOrDefault(c => !c.Permanent && c.StartsOn == RetentionTriggers.Created),
                pack.Retention.FirstOrDefault(c => !c.Permanent && c.StartsOn != RetentionTriggers.Created),
                pack.Retention.FirstOrDefault(c => c.Permanent),
            ];
            foreach (var rc in classes.OfType<RetentionClass>()) yield return new Register(RecordRetentionSpec.Facts(rc.Id, rc.Id + "-1"), now);
            yield break;
        }
        var clock = state.ClockOrNull!;
        yield return new StartRetention(clock.StartsOn, now, now);
        foreach (var hold in new[] { "hold-1", "hold-2" })
        {
            yield return new PlaceHold(hold, "Litigation", Officer, HoldScopes.Record, now);
            yield return new ReleaseHold(hold, Officer, "Case closed", now);
        }
        if (clock.EndsAt is { } end)
        {
            yield return new RetentionDue(end, ShippedPacks.Later(now, end));
            yield return new Extend(Officer, "Audit pending", ShippedPacks.Later(now, end).AddYears(1), now);
        }
        yield return new Dispose(Officer, "Retention ended", now);
    }
}

using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Tests.Policy;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>The city packs in workflows/: the diagrams show what the code does under the configurations it ships with.</summary>
internal static class ShippedPacks
{
    public static IReadOnlyList<PolicyPack> All { get; } =
    [
        .. Directory.GetFiles(PolicyFixtures.WorkflowsDirectory(), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)
            .Select(PolicyFixtures.Shipped),
    ];

    public static BusinessCalendar Calendar(PolicyPack pack) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(pack.TimeZone), pack.Holidays.Select(h => h.Date));

    public static DateTimeOffset Later(DateTimeOffset now, DateTimeOffset due) => due > now ? due : now;
}

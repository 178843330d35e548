using System.Collections.Immutable;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.Domain.ToolApprovals;

/// <summary>Whether an approved tool must wait on notice to recognized employee organizations, and to which.</summary>
public static class UnionGate
{
    public static string NoticeId(string requestId) => "union-" + (requestId.StartsWith("req-", StringComparison.Ordinal) ? requestId[4..] : requestId);

    /// <summary>
    /// Sacramento VI.A.7: organizations representing the affected classifications; when the requester
    /// could not name them, every recognized organization is noticed rather than none.
    /// </summary>
    public static ImmutableList<string> Organizations(PolicyPack pack, ToolRequestForm form)
    {
        if (pack.Union is not { } union || !form.AffectsWorkingConditions) return [];
        var named = form.AffectedClassifications.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var matching = union.Organizations.Where(o => o.Classifications.Any(named.Contains)).Select(o => o.Id).ToImmutableList();
        return matching.Count > 0 ? matching : union.Organizations.Select(o => o.Id).ToImmutableList();
    }

    /// <summary>The justification when the emergency path applies (the pack allows it and the requester gave reasons).</summary>
    public static string? Emergency(PolicyPack pack, ToolRequestForm form) =>
        pack.Union is { EmergencyAdoptionAllowed: true } && form.EmergencyAdoption && !string.IsNullOrWhiteSpace(form.EmergencyJustification)
            ? form.EmergencyJustification.Trim()
            : null;
}

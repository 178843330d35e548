using System.Text.Json;
using System.Text.Json.Serialization;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage.Deciding;

namespace AIWorkflows.App.Records;

/// <summary>
/// The record of how a request was decided (Albuquerque 3.1: decision criteria and human oversight
/// documented; 3.2 kept per the retention schedule): the inputs, the tier and why, every review
/// with who, when and what, the clauses applied, the duties that come with approval.
/// </summary>
public sealed record DecisionRecord(
    string RequestId,
    string ToolId,
    string City,
    string Outcome,
    DateTimeOffset DecidedAt,
    ToolRequestForm Inputs,
    string RiskTier,
    IReadOnlyList<TierReason> TierReasons,
    IReadOnlyList<ReviewView> Reviews,
    IReadOnlyList<string> Conditions,
    string? RejectionReason,
    IReadOnlyList<DutyNotice> DisclosureDuties,
    IReadOnlyList<string> ClausesApplied,
    IReadOnlyList<TimelineEntry> Timeline)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static DecisionRecord From(Snapshot<ToolApproval, ToolApprovalEvent> s, PolicyPack pack)
    {
        var c = s.State.CaseOrNull ?? throw new InvalidOperationException("No request to record.");
        var (decidedAt, conditions, reason) = s.State switch
        {
            ToolApproval.Approved a => (a.At, (IReadOnlyList<string>)a.Conditions, (string?)null),
            ToolApproval.Rejected r => (r.At, [], r.Reason),
            _ => throw new InvalidOperationException($"Request {c.RequestId} is {s.State.Status}, not decided."),
        };
        var tier = pack.Tiers.FirstOrDefault(t => t.Id == c.Tier);
        var clauses = c.TierReasons.Select(r => r.Source)
            .Concat(tier?.Reviews.Select(r => r.Source) ?? [])
            .Concat(c.TierReasons.SelectMany(r => r.Reviews ?? []).Select(r => r.Source)) // Sacramento VII.E: the CIO review a rule added
            .Concat(tier is null ? [] : [tier.Source])
            .Concat(c.Disclosures.Select(d => d.Source))
            .Where(x => x != "city default").Distinct().Order(StringComparer.Ordinal).ToList();
        return new DecisionRecord(c.RequestId, c.ToolId, pack.City, s.State.Status, decidedAt, c.Form, c.Tier, c.TierReasons,
            [.. c.Tasks.Select(t => ReviewView.From(t, pack))], conditions, reason, c.Disclosures, clauses,
            [.. s.Events.Select(e => TimelineText.Describe(e, pack))]);
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);
}

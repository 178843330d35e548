using System.Text.Json.Nodes;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Policy;

namespace AIWorkflows.App.Tests.Inventory;

/// <summary>How one federal use case (OMB M-25-21) becomes a tool: its tier under Sacramento's rubric, or why it is refused.</summary>
public class FederalMappingTests
{
    private static readonly FederalMapping Mapping = new(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento"));

    private static FederalRow Row(params (string Column, string Value)[] cells)
    {
        var all = new Dictionary<string, string> { ["agency"] = "DOI", ["id"] = "DOI-0001", ["use_case_name"] = "Invasive species finder", ["is_high_impact"] = "Not High-impact" };
        foreach (var (c, v) in cells) all[c] = v;
        return new FederalRow(2, all);
    }

    private static string TierOf(FederalRow row) => Assert.IsType<FederalMapping.Outcome.Mapped>(Mapping.Map(row)).Profile.Tier;

    private static string Refusal(FederalRow row) => Assert.IsType<FederalMapping.Outcome.Refused>(Mapping.Map(row)).Reason;

    [Theory]
    [InlineData("Not High-impact", "", "", "", "low")]
    [InlineData("c) Not high-impact", "No", "Science", "Classical ML", "low")]
    [InlineData("High-impact", "", "", "", "high")]
    [InlineData("a) High-impact", "No", "", "", "high")]
    [InlineData("Presumed High-Impact, but Not High-impact", "", "", "", "medium")]
    [InlineData("", "", "", "", "medium")]
    [InlineData("Not High-impact", "", "", "Generative AI", "medium")]
    [InlineData("Not High-impact", "Yes", "", "", "high")]
    [InlineData("Not High-impact", "", "Law Enforcement", "", "high")]
    [InlineData("Not High-impact", "", "", "Agentic AI", "high")]
    public void Tier_IsTheCityRubricOverTheFederalFloor(string highImpact, string pii, string topic, string classification, string tier) =>
        Assert.Equal(tier, TierOf(Row(("is_high_impact", highImpact), ("has_pii", pii), ("topic_area", topic), ("classification", classification))));

    [Fact]
    public void Row_BecomesAToolPendingReview_WithAStableIdAndTheContactAsOwner()
    {
        var mapped = Assert.IsType<FederalMapping.Outcome.Mapped>(Mapping.Map(Row(
            ("agency_bureau", "USGS"), ("contact_email", "ai@usgs.example"), ("development_stage", "b) Pilot – limited test"),
            ("vendor_name", ""), ("contracting_usage", "In-house Development"), ("problem_solved", "Finds invasive species in photos."),
            ("hi_ongoing_monitoring", "Yes - Monitoring Established"))));
        var p = mapped.Profile;
        Assert.Equal(FederalMapping.ToolIdFor("DOI", "DOI-0001"), p.ToolId);
        Assert.StartsWith("tool-doi-0001-", p.ToolId, StringComparison.Ordinal);
        Assert.Equal(("import", "DOI-0001", "pilot"), (p.Origin, p.ExternalId, p.Stage));
        Assert.Equal(("USGS (DOI)", "Developed in-house", "ai@usgs.example"), (p.Department, p.Vendor, p.OwnerEmail));
        Assert.Equal("Finds invasive species in photos.", p.Purpose);
        Assert.Contains("Ongoing monitoring: Yes - Monitoring Established.", p.HumanOversight, StringComparison.Ordinal);
        Assert.Equal("aio@cityofsacramento.example", Assert.IsType<FederalMapping.Outcome.Mapped>(Mapping.Map(Row(("contact_email", "two@a.gov; b@a.gov")))).Profile.OwnerEmail);
        // The same number in two agencies is two tools; an id of our own export is that tool.
        Assert.NotEqual(FederalMapping.ToolIdFor("EPA", "34"), FederalMapping.ToolIdFor("TREAS", "34"));
        Assert.Equal("tool-0123abcd", FederalMapping.ToolIdFor("Sacramento", "tool-0123abcd"));
    }

    [Theory]
    [InlineData("id", "", "No use case id")]
    [InlineData("id", "TBD", "No use case id")]
    [InlineData("use_case_name", " ", "No use case name")]
    [InlineData("is_withheld", "Yes - Disclosure Risk", "Withheld from public reporting")]
    [InlineData("development_stage", "Retired", "Retired")]
    [InlineData("is_high_impact", "Very", "is_high_impact \"Very\" is not a value")]
    [InlineData("has_pii", "Maybe", "has_pii \"Maybe\" is not a value")]
    public void Row_IsRefusedWithAReason(string column, string value, string reason) =>
        Assert.StartsWith(reason, Refusal(Row((column, value))), StringComparison.Ordinal);

    [Fact]
    public void UseTheCityProhibits_IsRefused() =>
        Assert.Contains("Sacramento VII.D", Refusal(Row(("topic_area", "Law Enforcement"), ("classification", "Agentic AI"))), StringComparison.Ordinal);

    [Fact]
    public void ExportColumns_FollowTheFederalDataDictionary()
    {
        var dictionary = JsonNode.Parse(File.ReadAllText(RegisterFixtures.DataDictionaryPath))!.AsObject();
        var ordered = dictionary.OrderBy(c => (int)c.Value!["column_order_in_original_excel"]!).Select(c => c.Key);
        Assert.Equal(["agency", "agency_name", .. ordered], FederalSchema.Columns);
    }
}

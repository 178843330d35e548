using System.Text.Json;
using System.Text.RegularExpressions;
using AIWorkflows.App.Policy;
using NJsonSchema;

namespace AIWorkflows.App.Tests.Policy;

/// <summary>The packs the repository ships all load, and the schema describes exactly what the records serialize.</summary>
public class PolicyPackLoaderTests
{
    public static TheoryData<string> ShippedPacks() => [.. PolicyPackLoader.PackIds(PackFolder.RepoWorkflows)];

    [Fact]
    public void TheThreeCityPacksShip()
    {
        Assert.Equal(["albuquerque", "baltimore", "sacramento"], PolicyPackLoader.PackIds(PackFolder.RepoWorkflows));
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void ShippedPack_ValidatesAndLoads(string id)
    {
        var pack = PolicyPackLoader.Load(PackFolder.RepoWorkflows, id);

        Assert.Equal(id, pack.Id);
        Assert.Equal(["low", "medium", "high"], pack.Tiers.OrderBy(t => t.Rank).Select(t => t.Id));
        Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(pack.TimeZone));
        Assert.Contains(pack.Holidays, h => h.Date.Year == 2026);
        Assert.Contains(pack.Holidays, h => h.Date.Year == 2027);
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public void ShippedPack_PointsEditorsAtTheSchema_AndUsesOnlyExampleMailboxes(string id)
    {
        var text = File.ReadAllText(Path.Combine(PackFolder.RepoWorkflows, $"{id}.json"));

        Assert.Equal("./policy.schema.json", JsonDocument.Parse(text).RootElement.GetProperty("$schema").GetString());
        var emails = Regex.Matches(text, @"[\w.+-]+@[\w.-]+").Select(m => m.Value).ToList();
        Assert.NotEmpty(emails);
        Assert.All(emails, e => Assert.EndsWith(".example", e, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedPacks))]
    public async Task SerializedPack_IsValidAgainstTheSchema(string id)
    {
        var pack = PolicyPackLoader.Load(PackFolder.RepoWorkflows, id);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(PackFolder.RepoWorkflows, PolicyPackLoader.SchemaFileName));

        var json = JsonSerializer.Serialize(pack, PolicyPackLoader.SerializerOptions);

        Assert.Empty(schema.Validate(json));
    }

    [Fact]
    public void Sacramento_HasTheMmbaUnionSettings_OthersHaveNone()
    {
        var union = PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento").Union;

        Assert.NotNull(union);
        Assert.Equal((10, 3, 20, 60, true), (union.RequestWindowBusinessDays, union.ReminderBeforeWindowClosesBusinessDays,
            union.MinimumLeadBusinessDays, union.MeetAndConferLimitDays, union.EmergencyAdoptionAllowed));
        Assert.StartsWith("Sacramento VI.A.7", union.Source, StringComparison.Ordinal);
        Assert.Null(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "albuquerque").Union);
        Assert.Null(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "baltimore").Union);
    }

    [Fact]
    public void Albuquerque_RequiresTrainingAndTheEthicalUseAgreement()
    {
        var access = PolicyPackLoader.Load(PackFolder.RepoWorkflows, "albuquerque").Access;

        Assert.Contains(access.Courses, c => c.Title == "AI fundamentals and ethics" && c.ValidMonths == 12);
        Assert.Equal("Ethical Use of AI", access.Agreement?.Title);
        Assert.Equal("Albuquerque 5.1", access.Agreement?.Source);
        Assert.True(access.DepartmentHeadConsent);
    }
}

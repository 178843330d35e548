using System.Text.Json;
using AIWorkflows.App.Policy;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.Tests.Policy;

/// <summary>The schema editors use and the code that reads packs must not drift apart.</summary>
public class PolicySchemaTests
{
    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(PackFolder.RepoWorkflows, PolicyPackLoader.SchemaFileName))).RootElement;

    private static JsonElement Definition(string name) => Schema.GetProperty("definitions").GetProperty(name);

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString() ?? "")];

    [Fact]
    public void ConditionFields_AreTheOnesTheEvaluatorKnows()
    {
        var field = Definition("condition").GetProperty("properties").GetProperty("field").GetProperty("anyOf");

        Assert.Equal(ConditionFields.All, Strings(field[0].GetProperty("enum")));
        Assert.StartsWith("^answers\\.", field[1].GetProperty("pattern").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRecordProperty_IsDeclared_AndRequiredUnlessNullableOperand()
    {
        (string Definition, Type Record)[] pairs =
        [
            ("holiday", typeof(Holiday)), ("role", typeof(RoleDefinition)), ("department", typeof(Department)),
            ("question", typeof(PackQuestion)), ("condition", typeof(Condition)), ("rubric", typeof(RiskRubric)),
            ("rubricRule", typeof(RubricRule)), ("prohibitedUse", typeof(ProhibitedUse)), ("tier", typeof(TierPolicy)),
            ("reviewStep", typeof(ReviewStep)), ("reassessment", typeof(ReassessmentPolicy)), ("disclosure", typeof(DisclosureDuty)),
            ("employeeOrganization", typeof(EmployeeOrganization)), ("retentionClass", typeof(RetentionClass)),
            ("access", typeof(AccessPolicy)), ("course", typeof(Course)), ("checklistItem", typeof(ChecklistItem)),
        ];
        foreach (var (definition, record) in pairs)
        {
            var expected = record.GetConstructors().Single().GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).ToList();
            var declared = Definition(definition).GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList();
            Assert.True(expected.SequenceEqual(declared), $"{definition}: schema declares ({string.Join(", ", declared)}), {record.Name} has ({string.Join(", ", expected)})");
            Assert.False(Definition(definition).GetProperty("additionalProperties").GetBoolean());
        }
        Assert.Equal(["field"], Strings(Definition("condition").GetProperty("required")));
    }

    [Fact]
    public void PackLevelProperties_MatchPolicyPack()
    {
        var expected = typeof(PolicyPack).GetConstructors().Single().GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));

        Assert.Equal(expected, Strings(Schema.GetProperty("required")));
    }
}

using System.Text.Json;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.Domain.Tests.Policy;

/// <summary>Intake forms and packs for the policy tests: a plain form to vary, and the shipped city packs.</summary>
internal static class PolicyFixtures
{
    /// <summary>An internal-only, public-data, assistive tool: no rubric rule of any city should match it.</summary>
    public static ToolRequestForm PlainForm(string department = "Utilities") => new(
        "Meeting notes formatter", "Acme", department, "requester@city.example", "Format agendas",
        "Staff review every document", ["public"], PublicFacing: false, GenerativeAi: false,
        AffectsWorkingConditions: false, Impersonation: false, LawEnforcement: false,
        DecisionImpact: "assistive", Stage: "pilot", AffectedClassifications: [],
        Answers: new Dictionary<string, string>());

    public static ToolRequestForm WithAnswers(this ToolRequestForm form, params (string Id, string Answer)[] answers) =>
        form with { Answers = answers.ToDictionary(a => a.Id, a => a.Answer) };

    /// <summary>
    /// Answers every question the form leaves blank with an answer no condition of the pack applies
    /// to (a tool that raises nothing), so a test varies only what it is about.
    /// </summary>
    public static ToolRequestForm WithQuietAnswers(this ToolRequestForm form, PolicyPack pack)
    {
        var answers = new Dictionary<string, string>(form.Answers);
        foreach (var q in pack.Questions.Where(q => BlankAnswers.IsBlank(form.Answers, q.Id)))
        {
            var read = Conditions(pack).Where(c => c.Field == ConditionFields.AnswersPrefix + q.Id).SelectMany(c => c.AnyOf ?? []).ToHashSet();
            answers[q.Id] = Candidates(q).FirstOrDefault(a => !read.Contains(a)) ?? Candidates(q)[0];
        }
        return form with { Answers = answers };
    }

    /// <summary>Every answer a question can take; a text question stands for any text no condition names.</summary>
    public static IReadOnlyList<string> Candidates(PackQuestion q) => q.Kind switch
    {
        "boolean" => ["false", "true"],
        "choice" => q.Options,
        _ => ["Not applicable"],
    };

    public static IEnumerable<Condition> Conditions(PolicyPack pack) =>
    [
        .. pack.Rubric.Rules.SelectMany(r => r.When),
        .. pack.ProhibitedUses.SelectMany(u => u.When),
        .. pack.Disclosures.SelectMany(d => d.When),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A shipped pack read straight from workflows/ (the app's loader also validates it; see App.Tests).</summary>
    public static PolicyPack Shipped(string id)
    {
        var file = Path.Combine(WorkflowsDirectory(), $"{id}.json");
        return JsonSerializer.Deserialize<PolicyPack>(File.ReadAllText(file), Json)
            ?? throw new InvalidOperationException($"{file} is empty.");
    }

    public static string WorkflowsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AIWorkflows.sln"))) return Path.Combine(dir.FullName, "workflows");
        throw new InvalidOperationException("AIWorkflows.sln not found above " + AppContext.BaseDirectory);
    }
}

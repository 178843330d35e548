using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;

namespace AIWorkflows.App.ToolApprovals.Pages;

/// <summary>
/// The intake form exactly as the person filled it in (yes/no kept as "true"/"false"/nothing), so
/// a form with errors comes back with every value they typed. Field names are the API's (DESIGN §5),
/// pack questions are "answers.{id}", so the service's error keys name the inputs directly.
/// </summary>
public sealed class NewRequestForm
{
    public const string OtherDepartment = "Other";

    public string FormKey { get; set; } = "";
    public string? ToolName { get; set; }
    public string? Vendor { get; set; }
    public string? Department { get; set; }
    public string? DepartmentOther { get; set; }
    public string? RequesterEmail { get; set; }
    public string? Purpose { get; set; }
    public string? HumanOversight { get; set; }
    public IReadOnlyList<string> DataCategories { get; set; } = [];
    public string? PublicFacing { get; set; }
    public string? GenerativeAi { get; set; }
    public string? AffectsWorkingConditions { get; set; }
    public string? AffectedClassifications { get; set; }
    public string? Impersonation { get; set; }
    public string? LawEnforcement { get; set; }
    public string? DecisionImpact { get; set; }
    public string? Stage { get; set; }
    public string? PilotToolId { get; set; }
    public Dictionary<string, string> Answers { get; } = new(StringComparer.Ordinal);

    /// <summary>Field names in the order the page shows them, for the error summary.</summary>
    public static IReadOnlyList<string> Order(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return
        [
            "toolName", "vendor", "department", "requesterEmail", "purpose", "humanOversight", "decisionImpact", "stage", "pilotToolId",
            "publicFacing", "dataCategories", "generativeAi", "impersonation", "lawEnforcement", "affectsWorkingConditions",
            "affectedClassifications", .. pack.Questions.Select(q => $"answers.{q.Id}"),
        ];
    }

    /// <summary>The input a summary link focuses: the first radio or checkbox of a group, else the field itself.</summary>
    public static string Target(PolicyPack pack, string field)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return field switch
        {
            "dataCategories" => $"dataCategories-{ToolRequestForm.DataCategoryValues[0]}",
            "decisionImpact" => $"decisionImpact-{ToolRequestForm.DecisionImpactValues[0]}",
            "stage" => $"stage-{ToolRequestForm.StageValues[0]}",
            "publicFacing" or "generativeAi" or "impersonation" or "lawEnforcement" or "affectsWorkingConditions" => $"{field}-true",
            _ when pack.Questions.FirstOrDefault(q => $"answers.{q.Id}" == field) is { Kind: "boolean" or "choice" } q =>
                ChoiceField.FirstInputId(field, IntakeOptions.For(q)),
            _ => FormErrors.IdOf(field),
        };
    }

    public static NewRequestForm Read(IFormCollection form, PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(pack);
        string? One(string name) => form.TryGetValue(name, out var v) ? v.FirstOrDefault() : null;
        var read = new NewRequestForm
        {
            FormKey = One("formKey") ?? "",
            ToolName = One("toolName"),
            Vendor = One("vendor"),
            Department = One("department"),
            DepartmentOther = One("departmentOther"),
            RequesterEmail = One("requesterEmail"),
            Purpose = One("purpose"),
            HumanOversight = One("humanOversight"),
            DataCategories = [.. form["dataCategories"].OfType<string>()],
            PublicFacing = One("publicFacing"),
            GenerativeAi = One("generativeAi"),
            AffectsWorkingConditions = One("affectsWorkingConditions"),
            AffectedClassifications = One("affectedClassifications"),
            Impersonation = One("impersonation"),
            LawEnforcement = One("lawEnforcement"),
            DecisionImpact = One("decisionImpact"),
            Stage = One("stage"),
            PilotToolId = One("pilotToolId"),
        };
        foreach (var q in pack.Questions)
            if (One($"answers.{q.Id}") is { } answer && !string.IsNullOrWhiteSpace(answer)) read.Answers[q.Id] = answer;
        return read;
    }

    public ToolRequestInput ToInput() => new()
    {
        ToolName = ToolName,
        Vendor = Vendor,
        Department = Department == OtherDepartment || string.IsNullOrWhiteSpace(Department) ? DepartmentOther : Department,
        RequesterEmail = RequesterEmail?.Trim(),
        Purpose = Purpose,
        HumanOversight = HumanOversight,
        DataCategories = DataCategories,
        PublicFacing = Flag(PublicFacing),
        GenerativeAi = Flag(GenerativeAi),
        AffectsWorkingConditions = Flag(AffectsWorkingConditions),
        Impersonation = Flag(Impersonation),
        LawEnforcement = Flag(LawEnforcement),
        DecisionImpact = DecisionImpact,
        Stage = Stage,
        PilotToolId = PilotToolId,
        // One classification per line; blank lines are dropped by the form model.
        AffectedClassifications = [.. (AffectedClassifications ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)],
        Answers = new Dictionary<string, string>(Answers, StringComparer.Ordinal),
    };

    /// <summary>A pilot's production request starts from what the register says of the pilot (Albuquerque 2.2).</summary>
    public static NewRequestForm FromPilot(AIWorkflows.Domain.Reassessments.ToolProfile p, string formKey)
    {
        ArgumentNullException.ThrowIfNull(p);
        static string YesNo(bool b) => b ? "true" : "false";
        return new NewRequestForm
        {
            FormKey = formKey, ToolName = p.Name, Vendor = p.Vendor, Department = p.Department, RequesterEmail = p.OwnerEmail,
            Purpose = p.Purpose, HumanOversight = p.HumanOversight, DataCategories = p.DataCategories,
            PublicFacing = YesNo(p.PublicFacing), GenerativeAi = YesNo(p.GenerativeAi), DecisionImpact = p.DecisionImpact,
            Stage = "production", PilotToolId = p.ToolId,
        };
    }

    private static bool? Flag(string? value) => value switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}

/// <summary>The choices the intake form offers, in words, with the codes the service takes as values.</summary>
public static class IntakeOptions
{
    public static IReadOnlyList<ChoiceOption> DecisionImpact { get; } =
    [
        .. ToolRequestForm.DecisionImpactValues.Select(v => v switch
        {
            "none" => new ChoiceOption(v, "It does not inform decisions about people", "For example drafting a newsletter or summarizing public documents."),
            "assistive" => new ChoiceOption(v, "It helps a person decide", "A person makes each decision, using the tool’s output as one input."),
            "automated" => new ChoiceOption(v, "It decides or acts without a person deciding each case", "For example approving, denying, ranking or flagging people or applications automatically."),
            _ => new ChoiceOption(v, Words.Humanize(v)),
        }),
    ];

    public static IReadOnlyList<ChoiceOption> Stage { get; } = [.. ToolRequestForm.StageValues.Select(v => new ChoiceOption(v, Words.Stage(v)))];

    public static IReadOnlyList<ChoiceOption> For(PackQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.Kind == "boolean" ? ChoiceField.YesNo : [.. question.Options.Select(o => new ChoiceOption(o, Words.Humanize(o)))];
    }
}

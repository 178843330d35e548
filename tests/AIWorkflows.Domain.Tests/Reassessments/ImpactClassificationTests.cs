using AIWorkflows.Domain.Reassessments;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;
using static AIWorkflows.Domain.Tests.Reassessments.ToolLifecycleSpec;

namespace AIWorkflows.Domain.Tests.Reassessments;

/// <summary>Sacramento VI.A.7: an imported tool's effect on working conditions is unknown until labor relations classifies it.</summary>
public class ImpactClassificationTests
{
    private static Register Imported => new(Profile() with { Origin = "import", WorkingConditionsImpact = ToolProfile.ImpactUnknown }, null, Now);

    [Fact]
    public void GivenAnImportWhoseImpactIsUnknown_WhenLaborRelationsClassifiesIt_ThenTheProfileSaysSo_Once()
    {
        var (events, after) = When(Given(Imported), new ClassifyImpact("no", "labor@city.example", Now.AddDays(1)));

        Assert.Equal("no", Assert.IsType<ImpactClassified>(Assert.Single(events)).Impact);
        Assert.Equal("no", InService(after).Profile.WorkingConditionsImpact);
        Assert.Empty(D.Decide(new ClassifyImpact("yes", "labor@city.example", Now.AddDays(2)), after));
    }

    [Fact]
    public void GivenAnApprovedTool_OrAnAnswerThatIsNotYesOrNo_WhenClassified_ThenNothing()
    {
        Assert.Empty(D.Decide(new ClassifyImpact("no", "labor@city.example", Now), Given(Registered())));
        Assert.Empty(D.Decide(new ClassifyImpact("maybe", "labor@city.example", Now), Given(Imported)));
    }
}

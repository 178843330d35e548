using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Domain.Tests.ToolApprovals;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;
using static AIWorkflows.Domain.Tests.Reassessments.ToolLifecycleSpec;

namespace AIWorkflows.Domain.Tests.Reassessments;

/// <summary>
/// Sacramento VI.A.6: the ISO oversees the cybersecurity of AI systems, so a cybersecurity incident reaches the
/// roles the pack names for that kind as it is reported, even before the AI officer's triage; triage still decides
/// whether anything about the tool changes.
/// </summary>
public class IncidentKindTests
{
    private static readonly ToolLifecycleDecider Cyber = new(TestPack.Pack with
    {
        IncidentKinds = [new IncidentKind("cybersecurity", "Cybersecurity", "A possible breach", ["security_officer"], "Sacramento VI.A.6")],
    });

    private static ToolLifecycle Given(params ToolLifecycleCommand[] commands) =>
        commands.Aggregate(Cyber.Initial, (s, c) => Cyber.Fold(s, Cyber.Decide(c, s)));

    private static ReportIncident Report(bool signedIn, string? kind = "cybersecurity", string severity = "critical") =>
        new("inc-1", "someone@example.org", null, severity, "Resident records were shown to another resident", signedIn, Now.AddDays(10), kind);

    private static TriageIncident Answer(bool confirm) =>
        new("inc-1", ToolLifecycleDecider.TriageTaskId("inc-1"), "aio@city.example", confirm, "Checked", Now.AddDays(11));

    [Fact]
    public void GivenInService_WhenASignedInEmployeeReportsACybersecurityIncident_ThenTheSecurityOfficerIsNotified_AndThePacksRuleStillApplies()
    {
        var events = Cyber.Decide(Report(signedIn: true), Given(Registered()));

        var told = Assert.Single(events.OfType<IncidentRolesNotified>());
        Assert.Equal(("inc-1", "cybersecurity", "reported"), (told.IncidentId, told.Kind, told.Status));
        Assert.Equal(["security_officer"], told.Roles);
        Assert.Equal("cybersecurity", events.OfType<IncidentReported>().Single().Kind);
        Assert.Single(events.OfType<ToolSuspended>());
    }

    [Fact]
    public void GivenInService_WhenSomeoneNotSignedInReportsACybersecurityIncident_ThenTheSecurityOfficerIsToldAtOnce_ButNothingIsSuspended()
    {
        var state = Given(Registered());

        var events = Cyber.Decide(Report(signedIn: false), state);
        var after = Cyber.Fold(state, events);

        Assert.Equal("awaiting_triage", Assert.Single(events.OfType<IncidentRolesNotified>()).Status);
        Assert.Single(events.OfType<IncidentHeldForTriage>());
        Assert.Empty(events.OfType<ToolSuspended>());
        Assert.Equal("approved", after.Status);
        Assert.Equal("cybersecurity", Assert.Single(InService(after).Incidents).Kind);
    }

    [Theory]
    [InlineData(true, "confirmed", "suspended")]
    [InlineData(false, "dismissed", "approved")]
    public void GivenAHeldCybersecurityReport_WhenTheOfficerAnswers_ThenTheSecurityOfficerHearsTheOutcome(bool confirm, string status, string toolStatus)
    {
        var held = Given(Registered(), Report(signedIn: false));

        var events = Cyber.Decide(Answer(confirm), held);

        Assert.Equal(status, Assert.Single(events.OfType<IncidentRolesNotified>()).Status);
        Assert.Equal(toolStatus, Cyber.Fold(held, events).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("malfunction")]   // not a kind this pack names
    public void GivenInService_WhenAnIncidentOfNoNamedKindIsReported_ThenNoOneElseIsNotified(string? kind)
    {
        var events = Cyber.Decide(Report(signedIn: true, kind), Given(Registered()));

        Assert.Empty(events.OfType<IncidentRolesNotified>());
        Assert.Single(events.OfType<IncidentReported>());
    }

    [Fact]
    public void GivenAPackWithoutIncidentKinds_WhenACybersecurityIncidentIsReported_ThenNoRoleIsAddedToTheUsualOnes()
    {
        Assert.Empty(D.Decide(Report(signedIn: true), ToolLifecycleSpec.Given(Registered())).OfType<IncidentRolesNotified>());
    }
}

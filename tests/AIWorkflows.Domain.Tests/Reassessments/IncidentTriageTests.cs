using AIWorkflows.Domain.Reassessments;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleCommand;
using static AIWorkflows.Domain.Reassessments.ToolLifecycleEvent;
using static AIWorkflows.Domain.Tests.Reassessments.ToolLifecycleSpec;

namespace AIWorkflows.Domain.Tests.Reassessments;

/// <summary>Sacramento VII.B: a report from someone not signed in waits for the AI officer before it acts on the tool.</summary>
public class IncidentTriageTests
{
    private const string Officer = "aio@city.example";

    private static ReportIncident Anonymous(string severity = "critical", string id = "inc-1") =>
        new(id, "someone@example.org", "boss@example.org", severity, "It named the wrong resident", SignedIn: false, Now.AddDays(10));

    private static TriageIncident Answer(bool confirm, string id = "inc-1", int days = 11) =>
        new(id, ToolLifecycleDecider.TriageTaskId(id), Officer, confirm, confirm ? "Reproduced" : "Not our tool", Now.AddDays(days));

    [Fact]
    public void GivenInService_WhenSomeoneNotSignedInReportsACriticalIncident_ThenNothingIsSuspended_AndTheReportIsHeldForTriage()
    {
        var state = Given(Registered());

        var (events, after) = When(state, Anonymous());

        var held = Assert.IsType<IncidentHeldForTriage>(Assert.Single(events));
        Assert.Equal(("inc-1", "triage-inc-1", "critical"), (held.IncidentId, held.TaskId, held.Severity));
        Assert.Equal("approved", after.Status);
        Assert.Equal(InService(state).Schedule, InService(after).Schedule);   // no review brought forward either
        var note = Assert.Single(InService(after).Incidents);
        Assert.Equal("awaiting_triage", note.Status);
    }

    [Fact]
    public void GivenAHeldCriticalReport_WhenTheOfficerConfirms_ThenThePacksRuleApplies_SuspendedAndAnOutOfCycleReviewOpens()
    {
        var held = Given(Registered(), Anonymous());

        var (events, after) = When(held, Answer(confirm: true));

        Assert.True(Assert.IsType<IncidentTriaged>(events[0]).Confirmed);
        var reported = Assert.IsType<IncidentReported>(events[1]);
        Assert.Equal(("someone@example.org", "boss@example.org", true), (reported.ReporterEmail, reported.SupervisorEmail, reported.Severe));
        Assert.Equal("incident", events.OfType<ToolSuspended>().Single().Reason);
        Assert.Equal(Now.AddDays(11), events.OfType<ToolSuspended>().Single().At);
        Assert.Single(events.OfType<ReassessmentOpened>());
        Assert.Equal("suspended", after.Status);
        Assert.Equal("confirmed", Assert.Single(InService(after).Incidents).Status);   // listed once
    }

    [Fact]
    public void GivenAHeldMinorReport_WhenTheOfficerConfirms_ThenTheNextReviewIsBroughtForward()
    {
        var held = Given(Registered("low"), Anonymous("low"));

        var (events, after) = When(held, Answer(confirm: true));

        Assert.Equal(Now.AddDays(41), events.OfType<ReassessmentScheduled>().Single().Schedule.DueAt);
        Assert.Equal("approved", after.Status);
    }

    [Fact]
    public void GivenAHeldReport_WhenTheOfficerDismisses_ThenNothingChangesButTheRecordOfIt()
    {
        var held = Given(Registered(), Anonymous());

        var (events, after) = When(held, Answer(confirm: false));

        var triaged = Assert.IsType<IncidentTriaged>(Assert.Single(events));
        Assert.False(triaged.Confirmed);
        Assert.Equal("approved", after.Status);
        var note = Assert.Single(InService(after).Incidents);
        Assert.Equal(("dismissed", Officer, "Not our tool"), (note.Status, note.Triage!.By, note.Triage.Comments));
    }

    [Fact]
    public void GivenAnsweredOnce_WhenAnsweredAgain_OrWithAnotherTask_ThenNothing()
    {
        var held = Given(Registered(), Anonymous());
        var dismissed = When(held, Answer(confirm: false)).State;

        Assert.Empty(D.Decide(Answer(confirm: true, days: 12), dismissed));
        Assert.Empty(D.Decide(Answer(confirm: true) with { TaskId = "attest-1" }, held));
        Assert.Empty(D.Decide(Answer(confirm: true, id: "inc-other"), held));
    }

    [Fact]
    public void GivenAReportFromASignedInReporter_ThenTheOfficerHasNothingToTriage()
    {
        var reported = Given(Registered(), Anonymous() with { SignedIn = true });

        Assert.Equal("suspended", reported.Status);
        Assert.Equal("reported", Assert.Single(InService(reported).Incidents).Status);
        Assert.Empty(D.Decide(Answer(confirm: true), reported));
    }

    [Fact]
    public void GivenARetiredTool_WhenSomeoneNotSignedInReports_ThenNothing()
    {
        var retired = Given(Registered(), new Retire("admin@city.example", "Replaced", Now));

        Assert.Empty(D.Decide(Anonymous(), retired));
    }
}

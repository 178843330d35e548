using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Tests.Policy;
using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

/// <summary>
/// Albuquerque 1.2: new or sensitive data types trigger additional review, such as a privacy impact assessment.
/// In the shipped Albuquerque pack the rubric rule on the question opens a review for the privacy officer, alongside
/// the DTI-led risk assessment, whose outcome is kept as its own record class.
/// </summary>
public class PrivacyImpactAssessmentTests
{
    private static readonly PolicyPack Pack = PolicyFixtures.Shipped("albuquerque");

    private static readonly ToolApprovalDecider D = new(Pack,
        new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById(Pack.TimeZone), Pack.Holidays.Select(h => h.Date)));

    private static readonly DateTimeOffset Now = TestPack.Now;

    private static ToolApproval Given(params ToolApprovalCommand[] commands) =>
        commands.Aggregate(D.Initial, (s, c) => D.Decide(c, s).Aggregate(s, D.Evolve));

    // The quiet answers for every other question; this one as given, or left blank.
    private static Submit Submit(string? newSensitiveData)
    {
        var answers = new Dictionary<string, string>(PolicyFixtures.PlainForm().WithQuietAnswers(Pack).Answers);
        if (newSensitiveData is null) answers.Remove("new_sensitive_data");
        else answers["new_sensitive_data"] = newSensitiveData;
        return new("req-1", "tool-1", PolicyFixtures.PlainForm() with { Answers = answers }, Now);
    }

    private static IReadOnlyList<ToolApprovalEvent> DirectorApproves(ToolApproval s)
    {
        var task = s.CaseOrNull!.Tasks.Single(t => t.Role == "department_director");
        return D.Decide(new RecordReview(task.TaskId, task.ReviewerEmail, Verdict.Approve, "ok", Now.AddDays(1)), s);
    }

    [Theory]
    [InlineData("true")]
    [InlineData(null)]   // a blank counts as new or sensitive data (the pack's ifBlank)
    public void GivenARequestWithNewSensitiveData_WhenTheDirectorApproves_ThenAPrivacyImpactAssessmentOpens_KeptAsItsOwnRecordClass(string? answer)
    {
        var submitted = Given(Submit(answer));

        var opened = DirectorApproves(submitted).OfType<ReviewOpened>().ToList();

        var pia = Assert.Single(opened, o => o.Role == "privacy_officer");
        Assert.Equal(("privacy_impact_assessment", "privacy@cabq.example", "cio"), (pia.RecordClass, pia.ReviewerEmail, pia.EscalateToRole));
        Assert.Contains(pia.Checklist!, i => i.Source == "Albuquerque 1.2");
        Assert.Contains(opened, o => o.Role == "ai_officer");   // alongside the DTI-led risk assessment (4.2)
        Assert.Equal("Privacy impact assessment", Pack.RetentionClass(pia.RecordClass!).Title);
    }

    [Fact]
    public void GivenARequestWithNoNewSensitiveData_WhenReviewed_ThenNoPrivacyImpactAssessmentOpens()
    {
        var submitted = Given(Submit("false"));

        Assert.DoesNotContain(submitted.CaseOrNull!.Tasks, t => t.Role == "privacy_officer");
        Assert.DoesNotContain(DirectorApproves(submitted).OfType<ReviewOpened>(), o => o.Role == "privacy_officer" || o.RecordClass is not null);
    }

    [Fact]
    public void GivenAnOpenPrivacyImpactAssessment_WhenThePrivacyOfficerDecides_ThenTheTaskKeepsItsRecordClassAndOutcome()
    {
        var s = Given(Submit("true"));
        s = DirectorApproves(s).Aggregate(s, D.Evolve);
        var task = s.CaseOrNull!.Tasks.Single(t => t.Role == "privacy_officer");

        var events = D.Decide(new RecordReview(task.TaskId, task.ReviewerEmail, Verdict.ApproveWithConditions, "Delete raw audio after 30 days", Now.AddDays(2)), s);
        var after = events.Aggregate(s, D.Evolve).CaseOrNull!.Task(task.TaskId)!;

        Assert.Single(events.OfType<ReviewRecorded>());
        Assert.Equal(("privacy_impact_assessment", Verdict.ApproveWithConditions), (after.RecordClass, after.Outcome!.Verdict));
    }
}

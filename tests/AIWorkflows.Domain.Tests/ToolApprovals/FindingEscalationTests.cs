using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalEvent;

namespace AIWorkflows.Domain.Tests.ToolApprovals;

/// <summary>
/// Albuquerque 4.2: an escalation pathway for unresolved risks. A finding the requester has not resolved goes to the
/// authority the pack names, when its reviewer asks or once the pack's period (business days) has passed.
/// </summary>
public class FindingEscalationTests
{
    private static readonly DateTimeOffset Now = TestPack.Now;   // Wed 25 Nov; 26 and 27 Nov are holidays

    private static readonly ToolApprovalDecider D = new(
        TestPack.Pack with { FindingEscalation = new FindingEscalationPolicy("cio", 10, "Albuquerque 4.2") }, TestPack.Calendar);

    private const string Officer = "ai_officer@city.example";

    private static ToolApproval Given(params ToolApprovalCommand[] commands) =>
        commands.Aggregate(D.Initial, (s, c) => D.Fold(s, D.Decide(c, s)));

    private static ToolApproval InRemediation() => Given(
        new Submit("req-1", "tool-1", TestPack.Form(), Now),
        new RecordReview("ai_officer-1", Officer, Verdict.RequestRemediation, "No record of what data it keeps", Now));

    [Fact]
    public void GivenAReviewerAsksForRemediation_ThenTheFindingWaitsOnItsEscalation_TenBusinessDaysLater()
    {
        var state = Assert.IsType<ToolApproval.InRemediation>(InRemediation());

        var deadline = Assert.Single(D.Deadlines(state));

        // Ten business days from Wed 25 Nov, skipping the two holidays and the weekends: Fri 11 Dec.
        var due = TestPack.Calendar.AddBusinessDays(Now, 10);
        Assert.Equal(new DateOnly(2026, 12, 11), DateOnly.FromDateTime(due.DateTime));
        Assert.Equal(new ReviewDeadline("ai_officer-1", DeadlineKind.FindingEscalation, due, due), deadline.Command);
        Assert.Equal(due, Assert.Single(state.Findings).EscalateAt);
    }

    [Fact]
    public void GivenAnUnresolvedFinding_WhenItsPeriodPasses_ThenItEscalatesToThePacksAuthority_AndWaitsOnNothingMore()
    {
        var state = InRemediation();
        var due = (ReviewDeadline)Assert.Single(D.Deadlines(state)).Command;

        var events = D.Decide(due, state);
        var after = D.Fold(state, events);

        var escalated = Assert.IsType<FindingEscalated>(Assert.Single(events));
        Assert.Equal(("ai_officer", "cio", "cio@city.example", true), (escalated.Role, escalated.EscalatedToRole, escalated.EscalatedToEmail, escalated.Automatic));
        Assert.Equal("remediation", after.Status);   // still not usable until remediated
        Assert.Empty(D.Deadlines(after));
        Assert.Empty(D.Decide(due, after));           // the timer again: already escalated
    }

    [Fact]
    public void GivenAnUnresolvedFinding_WhenItsReviewerEscalatesIt_ThenItGoesToTheAuthorityAtOnce_AndTheTimerNoLongerWaits()
    {
        var state = InRemediation();

        var events = D.Decide(new EscalateFinding("ai_officer-1", Officer, "The vendor refuses to say where data is kept", Now.AddDays(1)), state);

        var escalated = Assert.IsType<FindingEscalated>(Assert.Single(events));
        Assert.Equal(("cio", false, "The vendor refuses to say where data is kept"), (escalated.EscalatedToRole, escalated.Automatic, escalated.Reason));
        Assert.Empty(D.Deadlines(D.Fold(state, events)));
    }

    [Fact]
    public void GivenAnUnresolvedFinding_WhenSomeoneElseOrWithoutAReasonEscalatesIt_ThenNothingIsDecided()
    {
        var state = InRemediation();

        Assert.Empty(D.Decide(new EscalateFinding("ai_officer-1", "cio@city.example", "Why not", Now), state));
        Assert.Empty(D.Decide(new EscalateFinding("ai_officer-1", Officer, " ", Now), state));
        Assert.Empty(D.Decide(new EscalateFinding("security_officer-1", Officer, "No such finding", Now), state));
    }

    [Fact]
    public void GivenTheRequesterResubmits_ThenTheFindingIsAnswered_AndItsTimerDecidesNothing()
    {
        var state = InRemediation();
        var due = (ReviewDeadline)Assert.Single(D.Deadlines(state)).Command;
        var resubmitted = Given(
            new Submit("req-1", "tool-1", TestPack.Form(), Now),
            new RecordReview("ai_officer-1", Officer, Verdict.RequestRemediation, "No record of what data it keeps", Now),
            new Resubmit("requester@city.example", "Recorded in the data register", null, Now.AddDays(2)));

        Assert.Equal("in_review", resubmitted.Status);
        Assert.DoesNotContain(D.Deadlines(resubmitted), d => d.Command is ReviewDeadline { Kind: DeadlineKind.FindingEscalation });
        Assert.Empty(D.Decide(due with { Now = due.DueAt }, resubmitted));
    }

    [Fact]
    public void GivenAPackThatNamesNoEscalation_ThenAFindingWaitsOnNothing_AndCannotBeEscalated()
    {
        var state = ToolApprovalSpec.LowInRemediation();

        Assert.Empty(TestPack.Decider.Deadlines(state));
        Assert.Empty(TestPack.Decider.Decide(new EscalateFinding("ai_officer-1", Officer, "Unresolved", Now), state));
    }
}

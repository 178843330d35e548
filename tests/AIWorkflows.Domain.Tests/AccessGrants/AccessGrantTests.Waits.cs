using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Deciding;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;
using static AIWorkflows.Domain.AccessGrants.AccessGrantEvent;

namespace AIWorkflows.Domain.Tests.AccessGrants;

// The deadlines a grant waits on: what an orchestration sets its one durable timer from.
public partial class AccessGrantTests
{
    [Fact]
    public void GivenGranted_ThenItWaitsOnTheReminder_WhichRemindsWhenDue()
    {
        var g = Assert.IsType<AccessGrant.Granted>(GrantedState());

        var deadline = Assert.Single(D.Deadlines(g));

        Assert.Equal(g.RemindAt, deadline.DueAt);
        Assert.Equal(new Deadline(GrantDeadline.Reminder, g.RemindAt, g.RemindAt), deadline.Command);
        Assert.IsType<ExpiryReminded>(Assert.Single(D.Decide(deadline.Command, g)));
    }

    [Fact]
    public void GivenReminded_ThenItWaitsOnTheExpiry_WhichLapsesTheAccessWhenDue()
    {
        var g = Assert.IsType<AccessGrant.Granted>(GrantedState());
        var reminded = D.Fold(g, D.Decide(Assert.Single(D.Deadlines(g)).Command, g));

        var deadline = Assert.Single(D.Deadlines(reminded));

        Assert.Equal(g.ExpiresAt, deadline.DueAt);
        Assert.Equal(new Deadline(GrantDeadline.Expiry, g.ExpiresAt, g.ExpiresAt), deadline.Command);
        Assert.IsType<AccessLapsed>(Assert.Single(D.Decide(deadline.Command, reminded)));
    }

    [Fact]
    public void GivenGranted_WhenRenewed_ThenItWaitsOnTheNewReminder()
    {
        var g = Assert.IsType<AccessGrant.Granted>(GrantedState());
        var renewed = Assert.IsType<AccessGrant.Granted>(D.Fold(g, D.Decide(new RecordTraining("ethics", new DateOnly(2027, 9, 1), Now.AddMonths(10)), g)));

        var deadline = Assert.Single(D.Deadlines(renewed));

        Assert.Equal(renewed.RemindAt, deadline.DueAt);
        Assert.True(deadline.DueAt > g.RemindAt);
    }

    [Fact]
    public void GivenPendingEndedOrAGrantWithoutCourses_ThenItWaitsOnNoDeadline()
    {
        var noCourses = Required with { Courses = [] };
        var forever = Given(new RequestAccess("grant-1", "tool-1", "Transcribe", Employee, "Utilities", noCourses, new Dictionary<string, DateOnly>(), true, Now),
            new SignAgreement(Employee, Hash, Now), new GiveConsent("head@city.example", true, "ok", Now));

        Assert.Equal("granted", forever.Status);
        Assert.Empty(D.Deadlines(forever));
        Assert.Empty(D.Deadlines(AllButTraining()));
        Assert.Empty(D.Deadlines(Given(Request(), new Revoke("admin@city.example", "Left the team", Now))));
    }
}

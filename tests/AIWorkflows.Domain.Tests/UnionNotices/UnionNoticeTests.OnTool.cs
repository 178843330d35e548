using AIWorkflows.Domain.UnionNotices;
using static AIWorkflows.Domain.Tests.UnionNotices.UnionNoticeSpec;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.Domain.Tests.UnionNotices;

// Sacramento VI.A.7: a case on a registered tool that no approval noticed (in use, or imported).
public partial class UnionNoticeTests
{
    private static NoticedTool Imported => new("", "tool-fed-1", "Chat assistant", "Acme", "Utilities", "Drafts replies", "aio@city.example", [], null);

    private static OpenOnTool ByLabor(params string[] organizations) => new("union-tool", Imported, [.. organizations], null, Labor, "", Now);

    private static OpenOnTool ByOrganization(string organization, DateTimeOffset? at = null) =>
        new("union-tool", Imported, [], organization, "steward@local.example", "Schedules now set by the tool", at ?? Now);

    [Fact]
    public void GivenNoNotice_WhenLaborRelationsOpensOneOnARegisteredTool_ThenTheOrganizationsAreNoticed_AndNothingIsHeld()
    {
        var (events, state) = When(D.Initial, ByLabor("clerks", "analysts"));

        var opened = Single<CaseOpenedOnTool>(events);
        Assert.Equal(["clerks", "analysts"], opened.Organizations.Select(o => o.Id));
        Assert.Equal(WindowClosesAt, opened.Clock.WindowClosesAt);
        Assert.IsType<UnionNotice.Cleared>(state);
        Assert.All(state.CaseOrNull!.Organizations, o => Assert.Equal("noticed", o.Status));
        Assert.DoesNotContain(events, e => e is GoLiveCleared);
    }

    [Fact]
    public void GivenNoNotice_WhenAnOrganizationAsksToMeetAndConferOnARegisteredTool_ThenItsCaseOpens_WithoutHoldingTheTool()
    {
        var (events, state) = When(D.Initial, ByOrganization("clerks"));

        Assert.Equal(["clerks"], Single<CaseOpenedOnTool>(events).Organizations.Select(o => o.Id));
        var requested = Single<MeetAndConferRequested>(events);
        Assert.False(requested.HoldsGoLive);
        Assert.Equal("steward@local.example", requested.By);
        Assert.Equal("meet_and_confer", Org(state, "clerks").Status);
    }

    [Fact]
    public void GivenANoticeToOthers_WhenAnotherOrganizationAsks_ThenItJoinsTheNoticeWithItsCase()
    {
        var noticed = Given(ByLabor("analysts"));

        var (events, state) = When(noticed, ByOrganization("clerks", Now.AddDays(1)));

        Assert.Equal("clerks", Single<OrganizationJoined>(events).Organization.Id);
        Assert.Equal("meet_and_confer", Org(state, "clerks").Status);
        Assert.Equal("noticed", Org(state, "analysts").Status);
    }

    [Fact]
    public void GivenAnApprovalsNotice_WhenANoticedOrganizationAsksThroughThePublicPage_ThenNothing_ItsAnswerIsThroughItsOwnLink()
    {
        // The public page proves no identity: someone posing as the organization must not answer for it.
        var noticed = Given(StartClerks());

        Assert.Empty(D.Decide(ByOrganization("clerks", Now.AddDays(1)), noticed));
        Assert.Equal("noticed", Org(noticed, "clerks").Status);
    }

    [Fact]
    public void GivenAnApprovalsNoticeHoldingGoLive_WhenAnOrganizationNotNoticedAsksThroughThePublicPage_ThenItsCaseOpens_WithoutHoldingGoLive()
    {
        var (events, _) = When(Given(StartClerks()), ByOrganization("analysts", Now.AddDays(1)));

        Assert.Equal("analysts", Single<OrganizationJoined>(events).Organization.Id);
        Assert.False(Single<MeetAndConferRequested>(events).HoldsGoLive);
    }

    [Fact]
    public void GivenAnOpenCase_WhenTheOrganizationAsksAgain_OrAnUnknownOrganizationAsks_ThenNothing()
    {
        var open = Given(ByOrganization("clerks"));

        Assert.Empty(D.Decide(ByOrganization("clerks", Now.AddDays(1)), open));
        Assert.Empty(D.Decide(ByOrganization("no-such-union"), D.Initial));
        Assert.Empty(D.Decide(ByLabor(), D.Initial));
        Assert.Empty(D.Decide(ByLabor("clerks"), open)); // labor relations' notice on a tool already noticed adds nothing
    }
}

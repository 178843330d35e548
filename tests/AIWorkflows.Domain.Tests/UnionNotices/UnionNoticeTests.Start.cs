using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Tests.ToolApprovals;
using AIWorkflows.Domain.UnionNotices;
using static AIWorkflows.Domain.Tests.UnionNotices.UnionNoticeSpec;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeCommand;
using static AIWorkflows.Domain.UnionNotices.UnionNoticeEvent;

namespace AIWorkflows.Domain.Tests.UnionNotices;

public partial class UnionNoticeTests
{
    [Fact]
    public void GivenNothing_WhenStarted_ThenEachOrganizationIsNoticedWithItsClassificationsAndTheNoticeBlocks()
    {
        var (events, state) = When(D.Initial, StartBoth());

        var started = Single<NoticeStarted>(events);
        Assert.Equal(["clerks", "analysts"], started.Organizations.Select(o => o.Id));
        Assert.Equal(["Clerk"], started.Organizations[0].Classifications);
        Assert.Equal("clerks@union.example", started.Organizations[0].Email);
        Assert.Equal(new NoticeClock(ReminderAt, WindowClosesAt, EarliestGoLiveAt), started.Clock);
        Assert.Equal("notice", state.Status);
        Assert.All(state.CaseOrNull!.Organizations, o => Assert.Equal("noticed", o.Status));
    }

    [Fact]
    public void GivenHolidaysInsideTheWindow_WhenStarted_ThenTheyDoNotCountAsBusinessDays()
    {
        var noHolidays = new UnionNoticeDecider(TestPack.Pack with { Holidays = [] }, new BusinessCalendar(TestPack.Pacific, []));

        var with = D.Clock(Now);
        var without = noHolidays.Clock(Now);

        // Thanksgiving and the day after fall inside the window: it closes two business days later.
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.FromHours(-8)), without.WindowClosesAt);
        Assert.Equal(WindowClosesAt, with.WindowClosesAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.FromHours(-8)), without.EarliestGoLiveAt);
        Assert.Equal(EarliestGoLiveAt, with.EarliestGoLiveAt);
    }

    [Fact]
    public void GivenAWindowAcrossTheSpringClockChange_WhenStarted_ThenDeadlinesKeepCityTime()
    {
        var noticed = new DateTimeOffset(2027, 3, 5, 10, 0, 0, TimeSpan.FromHours(-8)); // Friday, PST

        var clock = D.Clock(noticed);

        // Ten business days later is Friday 19 March; the window runs to its end, now in PDT.
        Assert.Equal(new DateTimeOffset(2027, 3, 20, 0, 0, 0, TimeSpan.FromHours(-7)), clock.WindowClosesAt);
        Assert.Equal(new DateTimeOffset(2027, 3, 16, 10, 0, 0, TimeSpan.FromHours(-7)), clock.ReminderAt);
    }

    [Fact]
    public void GivenAnOrganizationTheCityDoesNotRecognize_WhenStarted_ThenNothingIsNoticed()
    {
        Assert.Empty(D.Decide(new Start("union-1", Tool("Clerk"), ["teamsters"], null, Now), D.Initial));
        Assert.Empty(D.Decide(new Start("union-1", Tool("Clerk"), [], null, Now), D.Initial));
    }

    [Fact]
    public void GivenStarted_WhenStartedAgain_ThenNothing()
    {
        Assert.Empty(D.Decide(StartBoth(), Given(StartBoth())));
    }

    [Fact]
    public void GivenNoClassificationOfTheOrganizationWasNamed_WhenStarted_ThenTheLetterListsWhatWasNamed()
    {
        var (events, _) = When(D.Initial, new Start("union-1", Tool("Gardener"), ["clerks"], null, Now));

        Assert.Equal(["Gardener"], Single<NoticeStarted>(events).Organizations[0].Classifications);
    }
}

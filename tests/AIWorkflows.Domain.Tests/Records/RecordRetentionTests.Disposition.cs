using AIWorkflows.Domain.Records;
using static AIWorkflows.Domain.Records.RecordCommand;
using static AIWorkflows.Domain.Records.RecordEvent;
using static AIWorkflows.Domain.Tests.Records.RecordRetentionSpec;

namespace AIWorkflows.Domain.Tests.Records;

public partial class RecordRetentionTests
{
    [Fact]
    public void GivenAKeptRecord_WhenItsRetentionEnds_ThenADispositionReviewOpens()
    {
        var state = Given(Register());

        var (events, after) = When(state, DueTimer(state));

        Assert.Equal(Now.AddYears(5), Single<DispositionReviewOpened>(events).DueAt);
        Assert.Equal("disposition_review", after.Status);
    }

    [Fact]
    public void GivenAReviewAlreadyOpen_WhenTheSameTimerFiresAgain_ThenNothing()
    {
        var state = Given(Register());
        var timer = DueTimer(state);

        Assert.Empty(D.Decide(timer, Given(Register(), timer)));
    }

    [Fact]
    public void GivenAnExtendedRecord_WhenTheTimerForTheOldEndFires_ThenTheStaleTimerDecidesNothing()
    {
        var state = Given(Register());
        var oldTimer = DueTimer(state);
        var extended = Given(Register(), new Extend("records@city.example", "Audit pending", Now.AddYears(7), Now.AddYears(1)));

        Assert.Empty(D.Decide(oldTimer, extended));
        Assert.Single(D.Decide(DueTimer(extended), extended).OfType<DispositionReviewOpened>());
    }

    [Fact]
    public void GivenARecordInReview_WhenTheRecordsOfficerExtends_ThenItIsKeptUntilTheNewEnd()
    {
        var until = Now.AddYears(8);

        var (events, after) = When(InReview(), new Extend("records@city.example", "Related audit open", until, Now.AddYears(5).AddDays(3)));

        var extended = Single<RetentionExtended>(events);
        Assert.Equal((Now.AddYears(5), until, "Related audit open"), (extended.PreviousEnd, extended.NewEnd, extended.Reason));
        Assert.Equal(until, after.ClockOrNull!.EndsAt);
        Assert.Equal("kept", after.Status);
    }

    [Fact]
    public void GivenARecordInReview_WhenExtendedToAnEarlierDate_ThenNothingAndTheRefusalSaysWhy()
    {
        var extend = new Extend("records@city.example", "x", Now.AddYears(4), Now.AddYears(5).AddDays(1));

        Assert.Empty(D.Decide(extend, InReview()));
        Assert.Contains("after the current end", RecordRetentionDecider.Refusal(extend, InReview()), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenARecordInReview_WhenTheRecordsOfficerDisposesOfIt_ThenItIsDisposedWithACertificateNamingTheAuthorityAndHash()
    {
        var at = Now.AddYears(5).AddDays(3);

        var (events, after) = When(InReview(), new Dispose("records@city.example", "Retention period complete", at));

        var disposed = Single<RecordDisposed>(events);
        Assert.Equal("tool-1.certificate-incident-1", disposed.CertificateId);
        Assert.Equal("AI incident report: 5 years from created (Test VII.B)", disposed.Authority);
        Assert.Equal(new string('a', 64), Assert.Single(disposed.Contents).Sha256);
        var gone = Assert.IsType<RecordRetention.Disposed>(after);
        Assert.Equal(("records@city.example", at), (gone.Disposal.By, gone.Disposal.At));
    }

    [Fact]
    public void GivenAKeptRecordBeforeItsEnd_WhenSomeoneDisposesOfIt_ThenNothingAndTheRefusalNamesTheEnd()
    {
        var state = Given(Register());
        var dispose = new Dispose("records@city.example", "Tidy up", Now.AddYears(1));

        Assert.Empty(D.Decide(dispose, state));
        Assert.Contains("2031-11-23", RecordRetentionDecider.Refusal(dispose, state), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenADisposedRecord_WhenAnythingArrives_ThenNothing()
    {
        var at = Now.AddYears(5).AddDays(3);
        var disposed = Given(Register(), DueTimer(Given(Register())), new Dispose("r@city.example", "done", at));

        Assert.Empty(D.Decide(new Dispose("r@city.example", "again", at), disposed));
        Assert.Empty(D.Decide(Hold(at: at), disposed));
        Assert.Empty(D.Decide(new Extend("r@city.example", "x", at.AddYears(1), at), disposed));
        Assert.Contains("disposed of", RecordRetentionDecider.Refusal(new Dispose("r", "x", at), disposed), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenARetiredToolsDecisionRecord_ThroughItsWholeCycle_ThenItIsDisposedOfTenYearsAfterRetirement()
    {
        var retired = Now.AddYears(2);
        var state = Given(Register("decision_record"), new StartRetention(RetentionTriggers.ToolRetired, retired, retired));
        Assert.Equal(retired.AddYears(10), state.ClockOrNull!.EndsAt);

        state = Given(Register("decision_record"), new StartRetention(RetentionTriggers.ToolRetired, retired, retired), DueTimer(state),
            new Dispose("records@city.example", "Schedule complete", retired.AddYears(10).AddDays(1)));

        Assert.Equal("disposed", state.Status);
    }
}

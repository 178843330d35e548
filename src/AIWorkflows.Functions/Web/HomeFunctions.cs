using AIWorkflows.App.Development;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Web.Pages;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.App.Web;

/// <summary>
/// The home page: what the service is, a card per journey, and in Development the clock, with a form that moves it
/// (POST-redirect-GET: a refresh must not move it again).
/// </summary>
public sealed class HomeFunctions(IHostEnvironment environment, TimeProvider clock)
{
    // The Functions host takes no empty route: an optional parameter that only the empty path matches is the site's root.
    private const string Root = "{home:maxlength(0)?}";
    private const string AdvanceClockForm = "AdvanceClock";

    [Function("HomePage")]
    public IResult HomePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Root)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Page.Render<HomePage, HomeView>(View("P1D", FormErrors.None));
    }

    [Function("HomePageForms")]
    [PageHandler(AdvanceClockForm)]
    public async Task<IResult> HomePageForms([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Root)] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!environment.IsDevelopment()) return Page.Problem(ProblemView.ForStatus(StatusCodes.Status404NotFound));
        var http = request.HttpContext;
        await http.AuthenticateCityAsync();
        var posted = await PageForms.ReadAsync(http, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        if (!PageForms.Handler(request, AdvanceClockForm)) return Page.Problem(PageForms.NoSuchForm);
        var advance = PageForms.Field(form, "advance");
        if (clock is not DevClock devClock)
            return Invalid(advance, "The app's clock is not the Development clock here (a test replaced it), so it cannot be moved.");
        if (!IsoDuration.TryParse(advance?.Trim(), out var duration))
            return Invalid(advance, "Enter a duration such as P1D (one day), P2W (two weeks), PT4H (four hours) or P90D.");
        var now = devClock.GetUtcNow();
        if (!duration.TryAddTo(now, out var then))
            return Invalid(advance, "That goes past the end of the calendar.");
        devClock.Advance(then - now);
        return new SeeOtherRedirect("/#dev-clock");
    }

    private PageResult<HomePage, HomeView> Invalid(string? advance, string message) => Page.Render<HomePage, HomeView>(
        View(advance, new FormErrors(new Dictionary<string, string[]> { ["advance"] = [message] }, ["advance"])), StatusCodes.Status400BadRequest);

    private HomeView View(string? advance, FormErrors errors) =>
        new(environment.IsDevelopment(), clock.GetUtcNow(), clock is DevClock, advance, errors);
}

/// <summary>
/// What the home page shows beside its cards: in Development, the app's clock and whether it can be moved (a test may
/// have swapped in its own clock), with the duration as sent and its error.
/// </summary>
public sealed record HomeView(bool IsDevelopment, DateTimeOffset Now, bool ClockCanMove, string? Advance, FormErrors Errors);

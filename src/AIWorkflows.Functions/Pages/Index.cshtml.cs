using AIWorkflows.App.Development;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AIWorkflows.App.Pages;

/// <summary>The home page: what the service is, a card per journey, and in Development the clock.</summary>
public sealed class IndexModel(IHostEnvironment environment, TimeProvider clock) : PageModel
{
    public bool IsDevelopment => environment.IsDevelopment();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The dev clock, when the app's clock is it (in Development, unless a test swapped the clock).</summary>
    public bool ClockCanMove => clock is DevClock;

    [BindProperty]
    public string? Advance { get; set; } = "P1D";

    public FormErrors Errors { get; private set; } = FormErrors.None;

    /// <summary>Moves the Development clock forward, then back to the page (POST-redirect-GET: a refresh must not move it again).</summary>
    public IActionResult OnPostAdvanceClock()
    {
        if (!IsDevelopment) return NotFound();
        if (clock is not DevClock devClock)
            return Invalid("The app's clock is not the Development clock here (a test replaced it), so it cannot be moved.");
        var text = Advance?.Trim();
        if (!IsoDuration.TryParse(text, out var duration))
            return Invalid("Enter a duration such as P1D (one day), P2W (two weeks), PT4H (four hours) or P90D.");
        var now = devClock.GetUtcNow();
        if (!duration.TryAddTo(now, out var then))
            return Invalid("That goes past the end of the calendar.");
        devClock.Advance(then - now);
        return new SeeOtherResult("/#dev-clock");
    }

    private PageResult Invalid(string message)
    {
        Errors = new FormErrors(new Dictionary<string, string[]> { ["advance"] = [message] }, ["advance"]);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

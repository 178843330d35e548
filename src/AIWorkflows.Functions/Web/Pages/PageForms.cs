using AIWorkflows.App.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace AIWorkflows.App.Web.Pages;

/// <summary>
/// A page's form post, read and checked in the function (DESIGN §1: no antiforgery middleware runs in Azure).
/// The form is read first, with the function's own limits, then its antiforgery token is checked against the
/// cookie and the signed-in user (so authenticate with <see cref="Identity.CityIdentity"/> before this).
/// </summary>
public static class PageForms
{
    public sealed record Posted(IFormCollection? Form, IResult? Refusal);

    public static ProblemView Forged { get; } = new(StatusCodes.Status400BadRequest, "This form could not be accepted",
        "It was not sent from this service's own page, or the page was open too long. Go back, reload the page and send the form again.");

    public static ProblemView Unreadable { get; } = new(StatusCodes.Status400BadRequest, "The form could not be read",
        "What was sent is not a form this service can read (for example it holds NUL characters, or the file is too large). Nothing was saved.");

    public static ProblemView NoSuchForm { get; } = new(StatusCodes.Status400BadRequest, "This form could not be accepted",
        "The page has no such form. Go back, reload the page and send the form again.");

    /// <summary>Whether the post is the page's form <paramref name="name"/> (its <c>?handler=</c>, any case, as Razor Pages matched it).</summary>
    public static bool Handler(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return string.Equals(request.Query["handler"].ToString(), name, StringComparison.OrdinalIgnoreCase);
    }

    public static async Task<Posted> ReadAsync(HttpContext http, CancellationToken ct, long? maxBodyBytes = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.HasFormContentType) return new(null, Page.Problem(Forged));
        IFormCollection form;
        try
        {
            form = maxBodyBytes is { } max
                ? await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max }, ct)
                : await http.Request.ReadFormAsync(ct);
        }
        // The sender's fault, found only when the body is read (NUL characters, a broken boundary, over the limit):
        // in Azure no exception middleware turns these into a 4xx, so the read does it here.
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            var status = e is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status400BadRequest;
            return new(null, Page.Problem(Unreadable with { Status = status }));
        }
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(http) ? new(form, null) : new(null, Page.Problem(Forged));
    }
}

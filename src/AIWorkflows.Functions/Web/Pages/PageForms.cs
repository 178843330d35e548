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

    /// <summary>A form field as model binding gave it: the first value, and null when blank.</summary>
    public static string? Field(IFormCollection form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form[name] is { Count: > 0 } values && !string.IsNullOrWhiteSpace(values[0]) ? values[0] : null;
    }

    public static Task<Posted> ReadAsync(HttpContext http, CancellationToken ct, long? maxBodyBytes = null) =>
        ReadAsync(http, checkAntiforgery: true, maxBodyBytes, ct);

    /// <summary>
    /// The form of a page whose address is its capability (an emailed link's signed token): read with the same
    /// limits, without the antiforgery check, as the link pages have always taken it (the token is what a forger lacks).
    /// The answer, whatever it is, carries <see cref="LinkPageHeaders"/>: the token must not leak from it either.
    /// </summary>
    public static Task<Posted> ReadLinkFormAsync(HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        LinkPageHeaders.Apply(http.Response);
        return ReadAsync(http, checkAntiforgery: false, null, ct);
    }

    private static async Task<Posted> ReadAsync(HttpContext http, bool checkAntiforgery, long? maxBodyBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        // A link's post without a form reads as an empty one, as model binding read it: the token still decides.
        if (!http.Request.HasFormContentType) return checkAntiforgery ? new(null, Page.Problem(Forged)) : new(FormCollection.Empty, null);
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
        if (!checkAntiforgery) return new(form, null);
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        return await antiforgery.IsRequestValidAsync(http) ? new(form, null) : new(null, Page.Problem(Forged));
    }
}

using AIWorkflows.App.Development;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIWorkflows.App.Mail;

/// <summary><c>GET /api/dev/mail</c> and <c>GET /dev/mail</c>: the dev outbox, newest first (Development only).</summary>
public static class DevMailEndpoints
{
    private const int DefaultTake = 50;
    private const int MaxTake = 500;

    public static RouteGroupBuilder MapDevMail(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").DevelopmentOnly().WithTags("Development");
        group.MapGet("/api/dev/mail", ListAsync);
        group.MapGet("/dev/mail", PageAsync).ExcludeFromDescription();
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<MailMessage>>, ProblemHttpResult>> ListAsync(
        HttpContext context, int? take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Outbox(context) is not { } outbox)
            return NotInUse();
        return TypedResults.Ok(await outbox.ListAsync(Clamp(take), ct));
    }

    public static async Task<IResult> PageAsync(HttpContext context, int? take, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Outbox(context) is not { } outbox)
            return NotInUse();
        var mails = await outbox.ListAsync(Clamp(take), ct);
        // Defence in depth on top of encoding: the page needs no script, style or frame.
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        return TypedResults.Content(DevMailPage.Render(mails), "text/html; charset=utf-8");
    }

    // Resolved per request: when SendGrid is configured in Development the outbox is not the
    // mailer, and its absence is reported rather than failing at start-up.
    private static DevOutboxMailer? Outbox(HttpContext context) =>
        context.RequestServices.GetService<IMailer>() as DevOutboxMailer;

    private static int Clamp(int? take) => Math.Clamp(take ?? DefaultTake, 1, MaxTake);

    private static ProblemHttpResult NotInUse() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "The dev outbox is not in use",
        detail: "SendGrid:ApiKey is set, so mail goes to SendGrid instead of the dev outbox.");
}

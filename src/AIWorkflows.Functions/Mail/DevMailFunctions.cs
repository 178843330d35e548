using AIWorkflows.App.Development;
using AIWorkflows.App.Web;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.App.Mail;

/// <summary><c>GET /api/dev/mail</c> and <c>GET /dev/mail</c>: the dev outbox, newest first (Development only).</summary>
public sealed class DevMailFunctions(IHostEnvironment environment, IServiceProvider services)
{
    private const int DefaultTake = 50;
    private const int MaxTake = 500;

    [Function("DevMailList")]
    public async Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dev/mail")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (DevelopmentOnly.Refusal(environment) is { } refused) return refused;
        if (Outbox() is not { } outbox) return NotInUse();
        return TypedResults.Ok(await outbox.ListAsync(Take(request), ct)).Secured();
    }

    [Function("DevMailPage")]
    public async Task<IResult> PageAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/mail")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (DevelopmentOnly.Refusal(environment) is { } refused) return refused;
        if (Outbox() is not { } outbox) return NotInUse();
        var mails = await outbox.ListAsync(Take(request), ct);
        // Stricter than the pages' policy, which SecurityHeaders then keeps: this page needs no script, style or frame.
        request.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        return TypedResults.Content(DevMailPage.Render(mails), "text/html; charset=utf-8").Secured();
    }

    // Resolved per request: when SendGrid is configured in Development the outbox is not the
    // mailer, and its absence is reported rather than failing at start-up.
    private DevOutboxMailer? Outbox() => services.GetService<IMailer>() as DevOutboxMailer;

    private static int Take(HttpRequest request) =>
        Math.Clamp(int.TryParse(request.Query["take"], out var take) ? take : DefaultTake, 1, MaxTake);

    private static IResult NotInUse() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "The dev outbox is not in use",
        detail: "SendGrid:ApiKey is set, so mail goes to SendGrid instead of the dev outbox.").Secured();
}

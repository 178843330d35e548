using AIWorkflows.App.Identity;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.Records;

/// <summary>
/// The records officer's API and pages (Albuquerque 3.2; Sacramento VI.A.5), as HTTP-trigger functions. Every one
/// requires the records_officer role; a refusal is itself written to the access log before the 401/403. GETs change
/// no record: the one write they make is the access log entry, which is the point of audited retrieval. The logic
/// is <see cref="RecordsService"/>'s; these read the request and answer it.
/// </summary>
public sealed partial class RecordsFunctions(RecordsService service, PolicyPack pack)
{
    private static readonly ProblemView ApiSignIn = new(StatusCodes.Status401Unauthorized, "Sign-in required",
        "Sign in with a records officer account. This attempt is recorded in the access log.");

    private static readonly ProblemView ApiForbidden = new(StatusCodes.Status403Forbidden, "Records officers only",
        "Searching and retrieving records needs the records officer role. This attempt is recorded in the access log.");

    private const string PageDetail = "Searching, reading and disposing of records needs the records officer role. This attempt is recorded in the access log.";

    private static readonly ProblemView PageSignIn = new(StatusCodes.Status401Unauthorized, "Sign in to see records", PageDetail);

    private static readonly ProblemView PageForbidden = new(StatusCodes.Status403Forbidden, "Records officers only", PageDetail);

    /// <summary>The API's gate: the caller, or the refusal (problem+json), already in the access log with who and what.</summary>
    private Task<(RecordActor Actor, IResult? Refusal)> ApiGateAsync(HttpRequest request, string? recordId, CancellationToken ct) =>
        GateAsync(request, recordId, user => CityIdentity.RequireApi(user, ApiSignIn, ApiForbidden, Roles.RecordsOfficer), ct);

    /// <summary>The pages' gate: the caller, or the 401/403 page, already in the access log as for the API.</summary>
    private Task<(RecordActor Actor, IResult? Refusal)> PageGateAsync(HttpRequest request, string? recordId, CancellationToken ct) =>
        GateAsync(request, recordId, user => CityIdentity.RequirePage(user, PageSignIn, PageForbidden, Roles.RecordsOfficer), ct);

    private async Task<(RecordActor Actor, IResult? Refusal)> GateAsync(
        HttpRequest request, string? recordId, Func<System.Security.Claims.ClaimsPrincipal, IResult?> require, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var user = await http.AuthenticateCityAsync();
        var actor = RecordActor.From(http);
        if (require(user) is not { } refused) return (actor, null);
        await service.DenyAsync(actor, $"{request.Method} {request.Path}", recordId, ct);
        return (actor, refused);
    }
}

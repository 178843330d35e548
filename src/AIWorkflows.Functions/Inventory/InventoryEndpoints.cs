using AIWorkflows.App.Identity;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// The public register as data (Albuquerque 6.7, Sacramento IV.D): JSON and CSV for anyone, the
/// federal-schema export (OMB M-25-21), and the import of an existing inventory for the AI officer.
/// </summary>
public static class InventoryEndpoints
{
    public static RouteGroupBuilder MapPublicRegister(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inventory.csv", CsvAsync).WithTags("Inventory");
        var api = app.MapGroup("/api/inventory").WithTags("Inventory");
        api.MapGet("", ListAsync);
        api.MapGet("/export.csv", ExportAsync);
        api.MapGet("/{toolId}", GetAsync);
        api.MapPost("/import", ImportAsync).RequireAuthorization(p => p.RequireRole(Roles.AiOfficer, Roles.Admin));
        return api;
    }

    public static async Task<Results<Ok<RegisterPage>, ValidationProblem>> ListAsync(
        HttpRequest request, PublicRegister register, PolicyPack pack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, errors) = RegisterFilter.Read(request.Query, pack);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The filter has errors");
        var listing = await register.ListAsync(filter, ct);
        return TypedResults.Ok(new RegisterPage(listing.Total, listing.Matching.Count, listing.ByStatus, [.. listing.Matching.Select(e => RegisterView.Of(e, pack))]));
    }

    public static async Task<Results<Ok<RegisterView>, ProblemHttpResult>> GetAsync(
        string toolId, PublicRegister register, PolicyPack pack, CancellationToken ct) =>
        await register.GetAsync(toolId, ct) is { } entry
            ? TypedResults.Ok(RegisterView.Of(entry, pack))
            : TypedResults.Problem(statusCode: 404, title: "No such tool in the register", detail: "Check the tool id; /api/inventory lists every tool.");

    public static async Task<Results<PushStreamHttpResult, ValidationProblem>> CsvAsync(
        HttpRequest request, PublicRegister register, PolicyPack pack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, errors) = RegisterFilter.Read(request.Query, pack);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The filter has errors");
        var listing = await register.ListAsync(filter, ct);
        return TypedResults.Stream(body => RegisterCsv.WriteAsync(body, listing.Matching, ct), "text/csv; charset=utf-8", $"{pack.Id}-ai-register.csv");
    }

    public static PushStreamHttpResult ExportAsync(FederalExport export, PolicyPack pack, CancellationToken ct) =>
        TypedResults.Stream(body => export.WriteAsync(body, ct), "text/csv; charset=utf-8", $"{pack.Id}-ai-use-case-inventory.csv");

    public static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(HttpRequest request, FederalImporter importer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is not { } type || !(type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/csv", StringComparison.OrdinalIgnoreCase)))
            return TypedResults.Problem(statusCode: 415, title: "Send CSV", detail: "Use Content-Type: text/csv, with the columns of the federal AI use case inventory.");
        await using var body = await ReadLimitedAsync(request.Body, ct);
        if (body is null)
            return TypedResults.Problem(statusCode: 413, title: "The file is too large", detail: $"Send at most {FederalImporter.MaxBytes / (1024 * 1024)} MiB.");
        return await importer.ImportAsync(body, ct) switch
        {
            FederalImporter.Result.Done d => TypedResults.Ok(d.Report),
            FederalImporter.Result.Invalid i => TypedResults.Problem(statusCode: 400, title: i.Title, detail: i.Detail),
            _ => throw new InvalidOperationException("Unknown import result."),
        };
    }

    /// <summary>The body in memory, or null when it is larger than the import allows.</summary>
    public static async Task<MemoryStream?> ReadLimitedAsync(Stream body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > FederalImporter.MaxBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}

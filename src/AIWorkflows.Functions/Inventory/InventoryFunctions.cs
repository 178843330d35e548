using AIWorkflows.App.Feedback;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory.Pages;
using AIWorkflows.App.Web.Pages;
using AIWorkflows.App.Web;
using AIWorkflows.Domain.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Inventory;

/// <summary>
/// The public register (Albuquerque 6.7, Sacramento IV.D): its pages and public feedback form, the register as
/// JSON and CSV for anyone, the federal-schema export (OMB M-25-21), and the AI officer's import of an existing inventory.
/// </summary>
public sealed class InventoryFunctions(
    PublicRegister register, PolicyPack pack, FederalSources sources, FederalImporter importer, FederalExport export,
    FeedbackService feedback, FeedbackRateLimit feedbackLimit)
{
    private static readonly ProblemView NoSuchTool = new(StatusCodes.Status404NotFound, "Tool not found",
        "There is no tool with this address in the register. Check the address, or find the tool in the register.");

    private static readonly ProblemView ImportSignIn = new(401, "Sign in to import an inventory",
        "Importing is for the AI officer. Sign in with your city account and open this page again.");

    private static readonly ProblemView ImportForbidden = new(403, "Only the AI officer can import an inventory",
        "Importing registers tools in the public register. Ask the AI officer or an administrator.");

    [Function("InventoryPage")]
    public async Task<IResult> ListPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inventory")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, errors) = RegisterFilter.Read(request.Query, pack);
        var (paging, pagingErrors) = RegisterPaging.Read(request.Query);
        foreach (var (key, messages) in pagingErrors) errors[key] = messages;
        var listing = await register.ListAsync(filter, ct);
        var view = new RegisterListView(pack, filter, listing, errors.Count == 0 ? FormErrors.None : new FormErrors(errors, RegisterListView.Order), paging);
        return Page.Render<RegisterListPage, RegisterListView>(view, errors.Count == 0 ? 200 : 400);
    }

    [Function("InventoryToolPage")]
    public async Task<IResult> ToolPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inventory/{toolId}")] HttpRequest request, string toolId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var received = request.Query["feedback"].ToString();
        return await ToolAsync(toolId, FeedbackService.IsFeedbackId(received) ? received : null, ToolView.NewForm(), FormErrors.None, 200, ct);
    }

    /// <summary>A comment on a tool: limited per address, checked for antiforgery, then acknowledged after a 303.</summary>
    [Function("InventoryFeedback")]
    public async Task<IResult> PostFeedback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inventory/{toolId}")] HttpRequest request, string toolId,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        if (feedbackLimit.Refuse(http) is { } seconds)
        {
            FeedbackRateLimit.SetHeaders(http.Response, seconds);
            var tooMany = new ProblemView(StatusCodes.Status429TooManyRequests, FeedbackRateLimit.Title, FeedbackRateLimit.Detail(seconds));
            return Page.Render<ToolPage, ToolView>(new ToolView(pack, null, null, null, ToolView.NewForm(), FormErrors.None, tooMany), 429);
        }
        await http.AuthenticateCityAsync();
        var posted = await PageForms.ReadAsync(http, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        var input = new FeedbackService.Input(form["name"], form["email"], form["comment"], form["formKey"]);
        switch (await feedback.SubmitAsync(client, toolId, input, ct))
        {
            case FeedbackService.Result.Received r:
                return new SeeOtherRedirect($"/inventory/{Uri.EscapeDataString(toolId)}?feedback={r.FeedbackId}#feedback-received");
            case FeedbackService.Result.Invalid i:
                var shown = string.IsNullOrEmpty(input.FormKey) ? input with { FormKey = ToolView.NewForm().FormKey } : input;
                return await ToolAsync(toolId, null, shown, new FormErrors(i.Errors, FeedbackService.Fields), 400, ct);
            default:
                return Page.Problem(NoSuchTool);
        }
    }

    [Function("InventoryImportPage")]
    public static async Task<IResult> ImportPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inventory/import")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        return CityIdentity.RequirePage(user, ImportSignIn, ImportForbidden, Roles.AiOfficer, Roles.Admin)
            ?? Page.Render<ImportPage, ImportView>(new ImportView(null, FormErrors.None));
    }

    [Function("InventoryImportUpload")]
    public async Task<IResult> ImportUpload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inventory/import")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        var user = await http.AuthenticateCityAsync();
        var posted = await PageForms.ReadAsync(http, ct, maxBodyBytes: FederalImporter.MaxBytes + 64 * 1024);
        if (posted.Form is not { } form) return posted.Refusal!;
        if (CityIdentity.RequirePage(user, ImportSignIn, ImportForbidden, Roles.AiOfficer, Roles.Admin) is { } refused) return refused;
        var file = form.Files["file"];
        if (file is null || file.Length == 0) return InvalidImport("Choose the CSV file to import.");
        if (file.Length > FederalImporter.MaxBytes) return InvalidImport($"The file is larger than {FederalImporter.MaxBytes / (1024 * 1024)} MiB.");
        await using var body = file.OpenReadStream();
        return await importer.ImportAsync(body, ct) switch
        {
            FederalImporter.Result.Done d => Page.Render<ImportPage, ImportView>(new ImportView(d.Report, FormErrors.None)),
            FederalImporter.Result.Invalid i => InvalidImport($"{i.Title}. {i.Detail}"),
            _ => throw new InvalidOperationException("Unknown import result."),
        };
    }

    [Function("InventoryApiList")]
    public async Task<IResult> ApiList([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inventory")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, errors) = RegisterFilter.Read(request.Query, pack);
        var (paging, pagingErrors) = RegisterPaging.Read(request.Query);
        foreach (var (key, messages) in pagingErrors) errors[key] = messages;
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The filter has errors").Secured();
        var listing = await register.ListAsync(filter, ct);
        var matching = listing.Matching.Count;
        var pages = paging.PageCount(matching);
        // Past the last page is an empty page, not an error: a saved link outlives tools leaving the register.
        string? Link(int page) => $"/api/inventory{filter.Query(paging.With(page))}";
        return TypedResults.Ok(new RegisterPage(listing.Total, matching, listing.ByStatus, [.. paging.Of(listing.Matching).Select(e => RegisterView.Of(e, pack))],
            paging.Page, paging.PageSize, pages,
            paging.HasNext(matching) ? Link(paging.Page + 1) : null,
            paging.Page > 1 ? Link(Math.Min(paging.Page - 1, pages)) : null)).Secured();
    }

    [Function("InventoryApiTool")]
    public async Task<IResult> ApiTool([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inventory/{toolId}")] HttpRequest request, string toolId, CancellationToken ct) =>
        (await register.GetAsync(toolId, ct) is { } entry
            ? (IResult)TypedResults.Ok(RegisterView.Of(entry, pack))
            : TypedResults.Problem(statusCode: 404, title: "No such tool in the register", detail: "Check the tool id; /api/inventory lists every tool.")).Secured();

    [Function("InventoryCsv")]
    public async Task<IResult> Csv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inventory.csv")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (filter, errors) = RegisterFilter.Read(request.Query, pack);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The filter has errors").Secured();
        var listing = await register.ListAsync(filter, ct);
        return TypedResults.Stream(body => RegisterCsv.WriteAsync(body, listing.Matching, ct), "text/csv; charset=utf-8", $"{pack.Id}-ai-register.csv").Secured();
    }

    [Function("InventoryApiExport")]
    public IResult Export([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inventory/export.csv")] HttpRequest request, CancellationToken ct) =>
        TypedResults.Stream(body => export.WriteAsync(body, ct), "text/csv; charset=utf-8", $"{pack.Id}-ai-use-case-inventory.csv").Secured();

    [Function("InventoryApiImport")]
    public async Task<IResult> ApiImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inventory/import")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = await request.HttpContext.AuthenticateCityAsync();
        if (CityIdentity.RequireApi(user, Roles.AiOfficer, Roles.Admin) is { } refused) return refused;
        return (await ImportCsvAsync(request, ct)).Secured();
    }

    private async Task<IResult> ImportCsvAsync(HttpRequest request, CancellationToken ct)
    {
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

    private async Task<IResult> ToolAsync(string toolId, string? received, FeedbackService.Input form, FormErrors errors, int status, CancellationToken ct)
    {
        if (await register.GetAsync(toolId, ct) is not { } tool) return Page.Problem(NoSuchTool);
        var source = tool.Origin == "import" ? await sources.GetAsync(tool.ToolId, ct) : null;
        return Page.Render<ToolPage, ToolView>(new ToolView(pack, tool, source, received, form, errors), status);
    }

    private static PageResult<ImportPage, ImportView> InvalidImport(string message) =>
        Page.Render<ImportPage, ImportView>(new ImportView(null, new FormErrors(new Dictionary<string, string[]> { ["file"] = [message] }, ["file"])), 400);

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

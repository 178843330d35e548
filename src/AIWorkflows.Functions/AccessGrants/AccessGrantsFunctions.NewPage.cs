using AIWorkflows.App.AccessGrants.Pages;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Web.Pages;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static AIWorkflows.App.AccessGrants.AccessGrantService;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// <c>/access/new</c>: an employee asks for access to a tool in the register (Albuquerque 4.1, 5.1), through the same
/// service as POST /api/access-requests. Asking twice is harmless: the answer is the same request, so the result is
/// shown in place (where the request stands), not after a redirect.
/// </summary>
public sealed partial class AccessGrantsFunctions
{
    [Function("AccessNewPage")]
    public async Task<IResult> NewPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "access/new")] HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Signed in or not: the form's antiforgery token is bound to whoever will post it, and a signed-in employee's address is filled in.
        var user = await request.HttpContext.AuthenticateCityAsync();
        var tools = await ToolsInServiceAsync(ct);
        var tool = request.Query["tool"].ToString();
        var form = new RequestInput(tools.Any(t => t.ToolId == tool) ? tool : null, user.Email(), null);
        return Page.Render<NewAccessPage, NewAccessView>(new NewAccessView(tools, Departments, form, FormErrors.None));
    }

    [Function("AccessNewPageForm")]
    public async Task<IResult> NewPageForm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "access/new")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = request.HttpContext;
        await http.AuthenticateCityAsync();
        var posted = await PageForms.ReadAsync(http, ct);
        if (posted.Form is not { } form) return posted.Refusal!;
        string? Field(string name) => form.TryGetValue(name, out var v) ? v.ToString() : null;
        var input = new RequestInput(Field("toolId"), Field("employeeEmail"), Field("department"));
        return await service.RequestAsync(client, input, ct) switch
        {
            RequestResult.Created c => Page.Render<NewAccessPage, NewAccessView>(new NewAccessView([], Departments, input, FormErrors.None, c.Grant)),
            RequestResult.Existing e => Page.Render<NewAccessPage, NewAccessView>(new NewAccessView([], Departments, input, FormErrors.None, e.Grant, AlreadyAsked: true)),
            RequestResult.Invalid i => Page.Render<NewAccessPage, NewAccessView>(
                new NewAccessView(await ToolsInServiceAsync(ct), Departments, input, new FormErrors(i.Errors, NewAccessView.Order)), StatusCodes.Status400BadRequest),
            _ => throw new InvalidOperationException("Unknown request result."),
        };
    }
}

using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.Domain.Policy;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// Access to approved tools (Albuquerque 4.1, 5.1; Sacramento VI.B) as HTTP-trigger functions: employees request
/// access (the API and <c>/access/new</c>), sign the agreement and department heads (and DTI) answer through their
/// emailed links, and the AI officer and IT list who may use which tool. The logic is <see cref="AccessGrantService"/>'s;
/// these read the request and answer it.
/// </summary>
public sealed partial class AccessGrantsFunctions(AccessGrantService service, PublicRegister register, PolicyPack pack)
{
    /// <summary>Albuquerque 4.1: the list of authorized tools and who is granted them is for DTI and the AI officer.</summary>
    private static IResult? OfficersOnly(System.Security.Claims.ClaimsPrincipal user) => CityIdentity.RequireApi(user, Roles.Admin, Roles.AiOfficer);

    // Sacramento VI.B: access to tools the city authorized; suspended and retired tools are not offered.
    private async Task<IReadOnlyList<InventoryEntry>> ToolsInServiceAsync(CancellationToken ct) =>
        [.. (await register.ListAsync(RegisterFilter.None, ct)).Matching.Where(t => AccessGrantService.InService(t.Status))];

    private IReadOnlyList<string> Departments => [.. pack.Departments.Select(d => d.Name)];
}

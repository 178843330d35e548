namespace AIWorkflows.App.Identity;

/// <summary>
/// Role names as they arrive in claims (Entra app roles, or <c>X-Dev-User</c> in Development).
/// They match the role ids in the policy packs.
/// </summary>
public static class Roles
{
    public const string Requester = "requester";
    public const string AiOfficer = "ai_officer";
    public const string SecurityOfficer = "security_officer";
    public const string CityAttorney = "city_attorney";
    public const string DepartmentDirector = "department_director";
    public const string Cio = "cio";
    public const string RecordsOfficer = "records_officer";
    public const string LaborRelations = "labor_relations";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } =
        [Requester, AiOfficer, SecurityOfficer, CityAttorney, DepartmentDirector, Cio, RecordsOfficer, LaborRelations, Admin];
}

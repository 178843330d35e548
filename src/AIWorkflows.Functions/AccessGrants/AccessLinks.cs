using System.Globalization;
using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.AccessGrants;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// Signed links in access emails: the employee's link to sign the agreement, the department head's
/// to consent, the granting office's (DTI) to grant. Each names the grant and its request round, so a link from an earlier request of the
/// same employee for the same tool does not act on a later one.
/// </summary>
public sealed class AccessLinks(TaskTokenService tokens, IOptions<AppOptions> options)
{
    public const string SignPurpose = "access-sign";
    public const string ConsentPurpose = "access-consent";
    public const string GrantPurpose = "access-grant";

    // Training can take weeks; a link stays usable while its request waits (opening it never changes anything).
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(366);

    private readonly string _base = options.Value.BaseUrl.ToString().TrimEnd('/');

    public static string Round(GrantFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.RequestedAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
    }

    public string Sign(GrantFile file, DateTimeOffset from) =>
        $"{_base}/access/sign/{Uri.EscapeDataString(tokens.Issue(SignPurpose, file.GrantId, Round(file), file.EmployeeEmail, from + Lifetime))}";

    public string Consent(GrantFile file, string departmentHead, DateTimeOffset from) =>
        $"{_base}/access/consent/{Uri.EscapeDataString(tokens.Issue(ConsentPurpose, file.GrantId, Round(file), departmentHead, from + Lifetime))}";

    // Albuquerque 4.1: DTI's link to grant or refuse, once everything else is in place.
    public string Grant(GrantFile file, string grantor, DateTimeOffset from) =>
        $"{_base}/access/grant/{Uri.EscapeDataString(tokens.Issue(GrantPurpose, file.GrantId, Round(file), grantor, from + Lifetime))}";

    public string NewRequest(string toolId) => $"{_base}/access/new?tool={Uri.EscapeDataString(toolId)}";

    public string Tool(string toolId) => $"{_base}/inventory/{Uri.EscapeDataString(toolId)}";
}

using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using AIWorkflows.App.Identity;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Tables;

namespace AIWorkflows.App.AccessGrants;

/// <summary>
/// What the pack asks before an employee may use a tool, snapshotted into each request, and who
/// consents for a department. Also the grant's id and the employee's key, which both derive from emails.
/// </summary>
public sealed class AccessRequirements(PolicyPack pack)
{
    public AccessPolicy Policy => pack.Access;

    /// <summary>The SHA-256 (lower-case hex) of the pack's agreement text, or null when the pack asks for none.</summary>
    public string? AgreementSha256 { get; } = pack.Access.Agreement is { } a ? Sha256(a.Text) : null;

    // Albuquerque 5.1: training before access and a signed "Ethical Use of AI" agreement, bound by its text's hash.
    public Requirements Snapshot() => new(
        [.. pack.Access.Courses.Select(c => new RequiredCourse(c.Id, c.Title, c.ValidMonths))],
        pack.Access.Agreement?.Title, AgreementSha256, pack.Access.DepartmentHeadConsent, pack.Access.ExpiryReminderDays,
        pack.Access.GrantedBy?.Name);

    // Albuquerque 4.1: access is granted by DTI; the pack names the role that acts for it.
    public string? GrantorEmail => pack.Access.GrantedBy is { } g ? pack.Role(g.Role).Email : null;

    /// <summary>The agreement text whose hash is <paramref name="sha256"/>: the pack's, unless it changed since.</summary>
    public EthicalUseAgreement? AgreementFor(string? sha256) =>
        sha256 is not null && sha256 == AgreementSha256 ? pack.Access.Agreement : null;

    // Albuquerque 4.1: access is granted in coordination with department heads; a department the pack
    // does not list goes to the department directors' mailbox.
    public string DepartmentHead(string department) =>
        pack.Departments.FirstOrDefault(d => string.Equals(d.Name, department.Trim(), StringComparison.OrdinalIgnoreCase))?.DirectorEmail
        ?? pack.Role(Roles.DepartmentDirector).Email;

    /// <summary>A course of the pack by its id or its title (learning systems export either), ignoring case.</summary>
    public Course? Course(string? idOrTitle)
    {
        var v = idOrTitle?.Trim();
        if (string.IsNullOrEmpty(v)) return null;
        return pack.Access.Courses.FirstOrDefault(c => string.Equals(c.Id, v, StringComparison.OrdinalIgnoreCase))
            ?? pack.Access.Courses.FirstOrDefault(c => string.Equals(c.Title, v, StringComparison.OrdinalIgnoreCase));
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>One grant per tool and employee: the same request twice reaches the same instance.</summary>
    public static string GrantId(string toolId, string employeeKey) =>
        "grant-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{toolId}\u001f{employeeKey}")))[..24];

    public static bool IsGrantId(string? id) =>
        id is { Length: 30 } && id.StartsWith("grant-", StringComparison.Ordinal) && !id.AsSpan(6).ContainsAnyExcept(Hex);

    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>
    /// The employee's key: the address trimmed and in lower case, or null when it is not a plain address
    /// (or holds a character a table key cannot: / \ # ?).
    /// </summary>
    public static string? EmployeeKey(string? email)
    {
        var v = email?.Trim();
        if (v is not { Length: > 2 and <= 200 } || !MailAddress.TryCreate(v, out var a) || a.Address != v || !a.Host.Contains('.', StringComparison.Ordinal))
            return null;
        var key = v.ToLowerInvariant();
        return TableKeys.IsValid(key, out _) ? key : null;
    }
}

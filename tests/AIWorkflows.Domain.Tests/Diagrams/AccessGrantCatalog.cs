using System.Security.Cryptography;
using System.Text;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Tests.ToolApprovals;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;

namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>
/// What can happen to an access request: asked with or without the training done and with the tool
/// in or out of service; a completion of each required course, the signature, the department head's
/// consent or refusal, DTI's grant or refusal, the tool suspended, reinstated or retired, revocation, and the grant's two timers.
/// </summary>
internal static class AccessGrantCatalog
{
    public static WorkflowDiagram Diagram { get; } = new(
        "access-grants", "Access to approved tools", nameof(AccessGrantDecider), "AccessGrants/AccessGrant.cs",
        typeof(AccessGrant), typeof(AccessGrantEvent), Explore);

    private const string Employee = "sam@city.example";

    private static StateGraph Explore(PolicyPack pack) => StateExplorer.Explore(
        new Exploration<AccessGrantCommand, AccessGrant, AccessGrantEvent>(
            new AccessGrantDecider(), (s, now) => Commands(Required(pack), s, now), c => c.Now, s => s.Status,
            TestPack.Now, MaxDepth: 6));

    // What the app snapshots into each request (AccessRequirements.Snapshot): the pack's courses, the agreement by its hash, consent.
    private static Requirements Required(PolicyPack pack) => new(
        [.. pack.Access.Courses.Select(c => new RequiredCourse(c.Id, c.Title, c.ValidMonths))],
        pack.Access.Agreement?.Title,
        pack.Access.Agreement is { } a ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a.Text))) : null,
        pack.Access.DepartmentHeadConsent, pack.Access.ExpiryReminderDays, pack.Access.GrantedBy?.Name);

    private static IEnumerable<AccessGrantCommand> Commands(Requirements required, AccessGrant state, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (state is AccessGrant.None or AccessGrant.Ended)
        {
            var trained = required.Courses.ToDictionary(c => c.Id, _ => today);
            foreach (var completions in new[] { new Dictionary<string, DateOnly>(), trained })
                foreach (var inService in new[] { true, false })
                    yield return new RequestAccess("grant-1", "tool-1", "Transcribe", Employee, "Utilities", required, completions, inService, now);
            yield break;
        }
        foreach (var course in required.Courses) yield return new RecordTraining(course.Id, today, now);
        if (required.AgreementSha256 is { } sha) yield return new SignAgreement(Employee, sha, now);
        yield return new GiveConsent("director@city.example", true, "Yes", now);
        yield return new GiveConsent("director@city.example", false, "Not for this team", now);
        // Albuquerque 4.1: DTI grants or refuses (decides nothing out of turn, or where the pack has no such step).
        yield return new DecideGrant("dti@city.example", true, "", now);
        yield return new DecideGrant("dti@city.example", false, "No licence left", now);
        foreach (var status in new[] { "suspended", "approved", "retired" }) yield return new ToolStatusChanged(status, now);
        yield return new Revoke("ai.officer@city.example", "Misuse", now);
        if (state is not AccessGrant.Granted g) yield break;
        yield return new Deadline(GrantDeadline.Reminder, g.RemindAt, ShippedPacks.Later(now, g.RemindAt));
        if (g.ExpiresAt != DateTimeOffset.MaxValue) yield return new Deadline(GrantDeadline.Expiry, g.ExpiresAt, ShippedPacks.Later(now, g.ExpiresAt));
    }
}

using System.Collections.Immutable;
using AIWorkflows.Domain.Deciding;
using static AIWorkflows.Domain.AccessGrants.AccessGrant;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;
using static AIWorkflows.Domain.AccessGrants.AccessGrantEvent;

namespace AIWorkflows.Domain.AccessGrants;

public sealed partial class AccessGrantDecider : IDecider<AccessGrantCommand, AccessGrant, AccessGrantEvent>
{
    public AccessGrant Initial { get; } = new None();

    public IReadOnlyList<AccessGrantEvent> Decide(AccessGrantCommand command, AccessGrant state) => (command, state) switch
    {
        (RequestAccess r, None or Ended) => WithGrant(null, new AccessRequested(
            new GrantFile(r.GrantId, r.ToolId, r.ToolName, r.EmployeeEmail, r.Department, r.Required,
                r.Completions.ToImmutableDictionary(), null, null, r.ToolInService, r.Now), r.Now), r.Now),
        (RecordTraining t, Pending or Granted) when Required(state, t.CourseId) && Newer(state, t) =>
            WithGrant(state.FileOrNull, new TrainingRecorded(t.CourseId, t.CompletedOn, t.Now), t.Now),
        // Albuquerque 5.1: the employee signs the "Ethical Use of AI" agreement; the signature binds the text by its hash.
        (SignAgreement s, Pending p) when Same(s.By, p.File.EmployeeEmail) && s.TextSha256 == p.File.Required.AgreementSha256 && p.File.Agreement is null =>
            WithGrant(p.File, new AgreementSigned(new Signature(s.By, s.TextSha256, s.Now), s.Now), s.Now),
        // Albuquerque 4.1: access is granted in coordination with department heads.
        (GiveConsent c, Pending p) when p.File.DepartmentHead is null => c.Given
            ? WithGrant(p.File, new ConsentRecorded(new Consent(c.By, true, c.Comments, c.Now), c.Now), c.Now)
            : [new ConsentRecorded(new Consent(c.By, false, c.Comments, c.Now), c.Now), new AccessEnded($"refused by the department head: {c.Comments}", c.Now)],
        // Albuquerque 4.1: access is granted by DTI, after the department head's consent. DTI decides last, once
        // nothing else is missing (training, the signed agreement, consent, the tool in service): the decider grants
        // in the decision that meets the last requirement, so DTI's decision is then the grant itself, and DTI is
        // not asked to approve a request that may still wait weeks on training. A decision out of turn decides nothing.
        (DecideGrant d, Pending p) when AwaitsGrantor(p.File, d.Now) => d.Grant
            ? WithGrant(p.File, new GrantDecided(new GrantDecision(d.By, true, d.Note, d.Now), d.Now), d.Now)
            : [new GrantDecided(new GrantDecision(d.By, false, d.Note, d.Now), d.Now), new AccessEnded($"refused by {p.File.Required.GrantedBy}: {d.Note}", d.Now)],
        (ToolStatusChanged t, Pending or Granted) => ToolStatus(t, state),
        (Revoke r, Pending or Granted) => [new AccessEnded($"revoked by {r.By}: {r.Reason}", r.Now)],
        (Deadline { Kind: GrantDeadline.Reminder } d, Granted { Reminded: false } g) when d.DueAt == g.RemindAt => [new ExpiryReminded(g.ExpiresAt, d.Now)],
        (Deadline { Kind: GrantDeadline.Expiry } d, Granted g) when d.DueAt == g.ExpiresAt =>
            [new AccessLapsed($"training lapsed: {string.Join(", ", Missing(g.File, d.Now))}", d.Now)],
        _ => [],
    };

    // One deadline at a time, as the grant's timers were set: the reminder before the expiry
    // (Sacramento VI.B: renew the training in time), then the expiry itself; a grant without courses never lapses.
    public IReadOnlyList<Deadline<AccessGrantCommand>> Deadlines(AccessGrant state) => state switch
    {
        Granted { Reminded: false } g when g.RemindAt < g.ExpiresAt => [Due(GrantDeadline.Reminder, g.RemindAt)],
        Granted g when g.ExpiresAt != DateTimeOffset.MaxValue => [Due(GrantDeadline.Expiry, g.ExpiresAt)],
        _ => [],
    };

    private static Deadline<AccessGrantCommand> Due(GrantDeadline kind, DateTimeOffset at) => new(at, new Deadline(kind, at, at));

    /// <summary>What is still missing for access at <paramref name="now"/>, in words; empty when access can be granted.</summary>
    public static IReadOnlyList<string> Missing(GrantFile f, DateTimeOffset now)
    {
        var missing = MissingBeforeGrantor(f, now);
        // Albuquerque 4.1: a grant once given stays given when training lapses and is renewed (the access returns by itself).
        if (f.Required.GrantedBy is { } office && f.Grantor is not { Granted: true }) missing.Add($"waiting for {office} to grant access");
        return missing;
    }

    /// <summary>True when the granting office's decision is all that is missing: its link is sent, and its decision counts.</summary>
    public static bool AwaitsGrantor(GrantFile f, DateTimeOffset now) =>
        f.Required.GrantedBy is not null && f.Grantor is null && MissingBeforeGrantor(f, now).Count == 0;

    private static List<string> MissingBeforeGrantor(GrantFile f, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var missing = new List<string>();
        // Sacramento VI.B: only tools one is authorized and trained for; a course counts while it is valid.
        foreach (var c in f.Required.Courses)
        {
            if (!f.Completions.TryGetValue(c.Id, out var done)) missing.Add($"course '{c.Title}' not completed");
            else if (done.AddMonths(c.ValidMonths) <= today) missing.Add($"course '{c.Title}' expired on {done.AddMonths(c.ValidMonths):yyyy-MM-dd}");
        }
        if (f.Required.AgreementSha256 is not null && f.Agreement?.TextSha256 != f.Required.AgreementSha256)
            missing.Add($"'{f.Required.AgreementTitle}' not signed");
        if (f.Required.DepartmentHeadConsent && f.DepartmentHead is not { Given: true }) missing.Add("department head's consent not given");
        if (!f.ToolInService) missing.Add("the tool is not in service");
        return missing;
    }

    /// <summary>Access lasts until the first required course lapses.</summary>
    public static DateTimeOffset ExpiresAt(GrantFile f) =>
        f.Required.Courses.Count == 0
            ? DateTimeOffset.MaxValue
            : f.Required.Courses.Min(c => new DateTimeOffset(f.Completions[c.Id].AddMonths(c.ValidMonths).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    // Applies the event to the file and, if nothing is missing any more, grants (or re-grants with
    // the new expiry after a renewal) in the same decision.
    private static List<AccessGrantEvent> WithGrant(GrantFile? current, AccessGrantEvent first, DateTimeOffset now)
    {
        var file = first is AccessRequested r ? r.File : Update(current!, first);
        if (Missing(file, now).Count > 0) return [first];
        var expires = ExpiresAt(file);
        var remind = expires == DateTimeOffset.MaxValue ? expires : expires.AddDays(-file.Required.ReminderDays);
        return [first, new AccessGranted(expires, remind < now ? now : remind, now)];
    }

    private static bool Required(AccessGrant s, string course) => s.FileOrNull!.Required.Courses.Any(c => c.Id == course);

    // A completion replaces the one on file only if it is more recent: imports may repeat old rows.
    private static bool Newer(AccessGrant s, RecordTraining t) =>
        !s.FileOrNull!.Completions.TryGetValue(t.CourseId, out var known) || t.CompletedOn > known;

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    // Sacramento VI.B: a suspended tool may not be used; access returns when it is reinstated, and ends when it is retired.
    private static List<AccessGrantEvent> ToolStatus(ToolStatusChanged t, AccessGrant state)
    {
        var inService = t.Status is "approved" or "pilot";
        var file = state.FileOrNull!;
        if (t.Status == "retired") return [new ToolAvailabilityChanged(false, t.Status, t.Now), new AccessEnded("the tool was retired", t.Now)];
        if (inService == file.ToolInService) return [];
        var changed = new ToolAvailabilityChanged(inService, t.Status, t.Now);
        return state switch
        {
            Granted => [changed, new AccessLapsed($"the tool is {t.Status}", t.Now)],
            _ => WithGrant(file, changed, t.Now),
        };
    }
}

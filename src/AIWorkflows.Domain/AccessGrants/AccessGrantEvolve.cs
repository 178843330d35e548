using static AIWorkflows.Domain.AccessGrants.AccessGrant;
using static AIWorkflows.Domain.AccessGrants.AccessGrantEvent;

namespace AIWorkflows.Domain.AccessGrants;

public sealed partial class AccessGrantDecider
{
    public AccessGrant Evolve(AccessGrant state, AccessGrantEvent happened) => (state, happened) switch
    {
        (None or Ended, AccessRequested e) => new Pending(e.File),
        (Pending p, AccessGranted e) => new Granted(p.File, e.At, e.ExpiresAt, e.RemindAt, false),
        (Granted g, AccessGranted e) => g with { ExpiresAt = e.ExpiresAt, RemindAt = e.RemindAt, Reminded = false },
        (Granted g, ExpiryReminded) => g with { Reminded = true },
        (Granted g, AccessLapsed) => new Pending(g.File),
        (Pending p, AccessEnded e) => new Ended(p.File, e.Reason, e.At),
        (Granted g, AccessEnded e) => new Ended(g.File, e.Reason, e.At),
        (Pending p, _) => new Pending(Update(p.File, happened)),
        (Granted g, _) => g with { File = Update(g.File, happened) },
        _ => state,
    };

    internal static GrantFile Update(GrantFile f, AccessGrantEvent e) => e switch
    {
        TrainingRecorded t => f with { Completions = f.Completions.SetItem(t.CourseId, t.CompletedOn) },
        AgreementSigned s => f with { Agreement = s.Signature },
        ConsentRecorded c => f with { DepartmentHead = c.Consent },
        GrantDecided g => f with { Grantor = g.Decision },
        ToolAvailabilityChanged t => f with { ToolInService = t.InService },
        _ => f,
    };
}

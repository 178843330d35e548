using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.AccessGrants;
using Microsoft.DurableTask.Client;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;

namespace AIWorkflows.App.AccessGrants;

// Albuquerque 4.1: access is granted by DTI, after the department head's consent. DTI's link works like the
// consent link: opening it changes nothing, the decision is posted once and records who and when.
public sealed partial class AccessGrantService
{
    /// <summary>What DTI's link opens. Never changes state.</summary>
    public async Task<LinkAccess> OpenGrantAsync(string? token, CancellationToken ct) => (await OpenGrantCoreAsync(token, ct)).Access;

    private async Task<Opened> OpenGrantCoreAsync(string? token, CancellationToken ct)
    {
        var opened = await OpenAsync(token, AccessLinks.GrantPurpose, ct);
        if (opened.Access is not LinkAccess.Granted g) return opened;
        if (g.File.Grantor is { } d)
            return opened with { Access = new LinkAccess.Refused(StatusCodes.Status410Gone, "This request is decided",
                $"{d.By} {(d.Granted ? "granted" : "refused")} access on {d.At:yyyy-MM-dd}.", g.Grant) };
        // The link is only sent once everything else holds; if that changed since (the tool suspended), it waits.
        if (!AccessGrantDecider.AwaitsGrantor(g.File, clock.GetUtcNow()))
            return opened with { Access = new LinkAccess.Refused(StatusCodes.Status409Conflict, "Not ready for your decision",
                $"Still needed first: {string.Join("; ", AccessGrantDecider.Missing(g.File, clock.GetUtcNow()).Where(m => !m.StartsWith("waiting for", StringComparison.Ordinal)))}.", g.Grant) };
        return opened;
    }

    /// <summary>DTI grants (with an optional note, such as the account set up) or refuses with a reason; the link's addressee is recorded.</summary>
    public async Task<ActResult> GrantAsync(DurableTaskClient client, string? token, string? decision, string? note, CancellationToken ct)
    {
        var (access, p, f) = await OpenGrantCoreAsync(token, ct);
        var grant = decision switch { "grant" => true, "refuse" => (bool?)false, _ => null };
        var text = note?.Trim() ?? "";
        if (access is LinkAccess.Refused refused)
            return grant is { } answer && f is not null ? Again(refused, p!, f, new DecideGrant(p!.Subject, answer, text, clock.GetUtcNow())) : new ActResult.Refused(refused);
        var g = (LinkAccess.Granted)access;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (grant is null) errors["decision"] = ["Choose whether you grant or refuse."];
        if (grant == false && text.Length == 0) errors["note"] = ["Say why you refuse: the employee is told."];
        else if (text.Length > ToolRequestValidator.MaxText) errors["note"] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
        else if (text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))) errors["note"] = ["Remove control characters."];
        if (errors.Count > 0) return new ActResult.Invalid(errors, g);
        return await ActAsync(client, g, new DecideGrant(g.Payload.Subject, grant!.Value, text, clock.GetUtcNow()), ct);
    }
}

using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Policy;
using Microsoft.DurableTask.Client;
using static AIWorkflows.Domain.AccessGrants.AccessGrantCommand;

namespace AIWorkflows.App.AccessGrants;

public sealed partial class AccessGrantService
{
    public abstract record LinkAccess
    {
        /// <summary>The link may act: the grant waits on the agreement (or the consent) it names.</summary>
        public sealed record Granted(TaskTokenPayload Payload, GrantFile File, AccessGrantView Grant, EthicalUseAgreement? Agreement) : LinkAccess;

        public sealed record Refused(int Status, string Title, string Detail, AccessGrantView? Grant = null) : LinkAccess;

        private LinkAccess() { }
    }

    public abstract record ActResult
    {
        public sealed record Done(AccessGrantView Grant) : ActResult;

        public sealed record Invalid(Dictionary<string, string[]> Errors, LinkAccess.Granted Access) : ActResult;

        public sealed record Refused(LinkAccess.Refused Why) : ActResult;

        private ActResult() { }
    }

    /// <summary>What an agreement link opens. Never changes state: mail scanners fetch links before people do.</summary>
    public async Task<LinkAccess> OpenSignAsync(string? token, CancellationToken ct) => (await OpenSignCoreAsync(token, ct)).Access;

    private async Task<Opened> OpenSignCoreAsync(string? token, CancellationToken ct)
    {
        var opened = await OpenAsync(token, AccessLinks.SignPurpose, ct);
        if (opened.Access is not LinkAccess.Granted g) return opened;
        if (g.File.Agreement is { } s)
            return opened with { Access = new LinkAccess.Refused(StatusCodes.Status410Gone, "You have already signed", $"{s.By} signed the {g.File.Required.AgreementTitle} on {s.At:yyyy-MM-dd}.", g.Grant) };
        // The text shown must be the text required when the request was made: its hash is what is signed.
        if (requirements.AgreementFor(g.File.Required.AgreementSha256) is not { } text)
            return opened with { Access = new LinkAccess.Refused(StatusCodes.Status409Conflict, "The agreement has changed",
                "The city changed the agreement since you asked for access. Ask the AI officer to close this request, then request access again.", g.Grant) };
        return opened with { Access = g with { Agreement = text } };
    }

    /// <summary>The employee signs: records who (the address the link was sent to), when, and the hash of the text shown.</summary>
    public async Task<ActResult> SignAsync(DurableTaskClient client, string? token, string? agree, string? shownSha256, CancellationToken ct)
    {
        var (access, p, f) = await OpenSignCoreAsync(token, ct);
        if (access is LinkAccess.Refused refused)
            return string.Equals(agree, "yes", StringComparison.Ordinal) && f is not null
                ? Again(refused, p!, f, new SignAgreement(p!.Subject, shownSha256 ?? f.Required.AgreementSha256 ?? "", clock.GetUtcNow()))
                : new ActResult.Refused(refused);
        var g = (LinkAccess.Granted)access;
        if (!string.Equals(agree, "yes", StringComparison.Ordinal))
            return new ActResult.Invalid(new(StringComparer.Ordinal) { ["agree"] = [$"Tick the box to confirm you have read and agree to the {g.Agreement!.Title}."] }, g);
        if (shownSha256 is not null && shownSha256 != g.File.Required.AgreementSha256)
            return new ActResult.Refused(new(StatusCodes.Status409Conflict, "The agreement has changed", "The text you read is not the one required. Open the link again and read it.", g.Grant));
        // Albuquerque 5.1: staff sign an "Ethical Use of AI" agreement before gaining access.
        return await ActAsync(client, g, new SignAgreement(g.Payload.Subject, g.File.Required.AgreementSha256!, clock.GetUtcNow()), ct);
    }

    /// <summary>What a department head's link opens. Never changes state.</summary>
    public async Task<LinkAccess> OpenConsentAsync(string? token, CancellationToken ct) => (await OpenConsentCoreAsync(token, ct)).Access;

    private async Task<Opened> OpenConsentCoreAsync(string? token, CancellationToken ct)
    {
        var opened = await OpenAsync(token, AccessLinks.ConsentPurpose, ct);
        if (opened.Access is LinkAccess.Granted { File.DepartmentHead: { } c } g)
            return opened with { Access = new LinkAccess.Refused(StatusCodes.Status410Gone, "This request is answered",
                $"{c.By} {(c.Given ? "consented" : "refused")} on {c.At:yyyy-MM-dd}.", g.Grant) };
        return opened;
    }

    // Albuquerque 4.1: access is granted by DTI in coordination with department heads.
    public async Task<ActResult> ConsentAsync(DurableTaskClient client, string? token, string? decision, string? comments, CancellationToken ct)
    {
        var (access, p, f) = await OpenConsentCoreAsync(token, ct);
        var given = decision switch { "consent" => true, "refuse" => (bool?)false, _ => null };
        var text = comments?.Trim() ?? "";
        if (access is LinkAccess.Refused refused)
            return given is { } answer && f is not null ? Again(refused, p!, f, new GiveConsent(p!.Subject, answer, text, clock.GetUtcNow())) : new ActResult.Refused(refused);
        var g = (LinkAccess.Granted)access;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (given is null) errors["decision"] = ["Choose whether you consent or refuse."];
        if (given == false && text.Length == 0) errors["comments"] = ["Say why you refuse: the employee is told."];
        else if (text.Length > ToolRequestValidator.MaxText) errors["comments"] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
        else if (text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))) errors["comments"] = ["Remove control characters."];
        if (errors.Count > 0) return new ActResult.Invalid(errors, g);
        return await ActAsync(client, g, new GiveConsent(g.Payload.Subject, given!.Value, text, clock.GetUtcNow()), ct);
    }

    private async Task<ActResult> ActAsync(DurableTaskClient client, LinkAccess.Granted g, AccessGrantCommand command, CancellationToken ct)
    {
        var d = await grants.SendAsync(client, g.Payload.InstanceId, command, ct);
        var view = AccessGrantView.From(d.State, command.Now)!;
        if (d.Changed || (d.State.FileOrNull is { } f && IsRecordedAlready(f, g.Payload, command))) return new ActResult.Done(view);
        return new ActResult.Refused(new(StatusCodes.Status410Gone, "Nothing was recorded", "The request moved on before your answer; see where it stands below.", view));
    }

    /// <summary>A refused link whose answer is the very one its request's file records is answered as recorded (see <see cref="IsRecordedAlready"/>).</summary>
    private static ActResult Again(LinkAccess.Refused refused, TaskTokenPayload p, GrantFile f, AccessGrantCommand command) =>
        refused.Grant is { } view && IsRecordedAlready(f, p, command) ? new ActResult.Done(view) : new ActResult.Refused(refused);

    /// <summary>
    /// The very same answer posted again (a double click, or a retry after a commit that landed but whose answer
    /// was lost) through the link of the same request: what the file already records, so it records nothing new.
    /// </summary>
    private static bool IsRecordedAlready(GrantFile f, TaskTokenPayload p, AccessGrantCommand command) =>
        AccessLinks.Round(f) == p.TaskId && command switch
        {
            SignAgreement s => f.Agreement is { } a && SameEmail(a.By, s.By) && string.Equals(a.TextSha256, s.TextSha256, StringComparison.Ordinal),
            GiveConsent c => f.DepartmentHead is { } h && SameEmail(h.By, c.By) && h.Given == c.Given && string.Equals(h.Comments, c.Comments, StringComparison.Ordinal),
            DecideGrant d => f.Grantor is { } g && SameEmail(g.By, d.By) && g.Granted == d.Grant && string.Equals(g.Note, d.Note, StringComparison.Ordinal),
            _ => false,
        };

    private static bool SameEmail(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>What a link opens and, for a genuine link of the request's current round, its payload and the file as read.</summary>
    private sealed record Opened(LinkAccess Access, TaskTokenPayload? Payload = null, GrantFile? File = null);

    private async Task<Opened> OpenAsync(string? token, string purpose, CancellationToken ct)
    {
        switch (tokens.Verify(token, purpose))
        {
            case TokenVerification.Valid { Payload: var p }:
                var s = await grants.LoadAsync(p.InstanceId, includeEvents: false, ct);
                if (s?.State.FileOrNull is not { } f) return new(NotValid());
                var view = AccessGrantView.From(s.State, clock.GetUtcNow())!;
                if (AccessLinks.Round(f) != p.TaskId)
                    return new(new LinkAccess.Refused(StatusCodes.Status410Gone, "This link is from an earlier request", "A newer request replaced it; use the link in its email.", view));
                return new(s.State switch
                {
                    AccessGrant.Pending => new LinkAccess.Granted(p, f, view, null),
                    AccessGrant.Ended e => new LinkAccess.Refused(StatusCodes.Status410Gone, "This request is closed", $"It ended: {e.Reason}.", view),
                    _ => new LinkAccess.Refused(StatusCodes.Status410Gone, "Access is already granted", "Nothing more is needed.", view),
                }, p, f);
            case TokenVerification.Expired:
                return new(new LinkAccess.Refused(StatusCodes.Status410Gone, "This link has expired", "Ask the AI officer to close the request, then request access again."));
            default:
                return new(NotValid());
        }
    }

    private static LinkAccess.Refused NotValid() => new(StatusCodes.Status404NotFound, "This link is not valid",
        "Check that the whole link was copied from the email. If it still does not open, ask the AI officer.");
}

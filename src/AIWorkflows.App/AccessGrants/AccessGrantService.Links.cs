using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.Domain.AccessGrants;
using AIWorkflows.Domain.Policy;
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
    public async Task<LinkAccess> OpenSignAsync(string? token, CancellationToken ct)
    {
        var access = await OpenAsync(token, AccessLinks.SignPurpose, ct);
        if (access is not LinkAccess.Granted g) return access;
        if (g.File.Agreement is { } s)
            return new LinkAccess.Refused(StatusCodes.Status410Gone, "You have already signed", $"{s.By} signed the {g.File.Required.AgreementTitle} on {s.At:yyyy-MM-dd}.", g.Grant);
        // The text shown must be the text required when the request was made: its hash is what is signed.
        if (requirements.AgreementFor(g.File.Required.AgreementSha256) is not { } text)
            return new LinkAccess.Refused(StatusCodes.Status409Conflict, "The agreement has changed",
                "The city changed the agreement since you asked for access. Ask the AI officer to close this request, then request access again.", g.Grant);
        return g with { Agreement = text };
    }

    /// <summary>The employee signs: records who (the address the link was sent to), when, and the hash of the text shown.</summary>
    public async Task<ActResult> SignAsync(string? token, string? agree, string? shownSha256, CancellationToken ct)
    {
        var access = await OpenSignAsync(token, ct);
        if (access is LinkAccess.Refused refused) return new ActResult.Refused(refused);
        var g = (LinkAccess.Granted)access;
        if (!string.Equals(agree, "yes", StringComparison.Ordinal))
            return new ActResult.Invalid(new(StringComparer.Ordinal) { ["agree"] = [$"Tick the box to confirm you have read and agree to the {g.Agreement!.Title}."] }, g);
        if (shownSha256 is not null && shownSha256 != g.File.Required.AgreementSha256)
            return new ActResult.Refused(new(StatusCodes.Status409Conflict, "The agreement has changed", "The text you read is not the one required. Open the link again and read it.", g.Grant));
        // Albuquerque 5.1: staff sign an "Ethical Use of AI" agreement before gaining access.
        return await ActAsync(g, new SignAgreement(g.Payload.Subject, g.File.Required.AgreementSha256!, clock.GetUtcNow()), ct);
    }

    /// <summary>What a department head's link opens. Never changes state.</summary>
    public async Task<LinkAccess> OpenConsentAsync(string? token, CancellationToken ct)
    {
        var access = await OpenAsync(token, AccessLinks.ConsentPurpose, ct);
        if (access is LinkAccess.Granted { File.DepartmentHead: { } c } g)
            return new LinkAccess.Refused(StatusCodes.Status410Gone, "This request is answered",
                $"{c.By} {(c.Given ? "consented" : "refused")} on {c.At:yyyy-MM-dd}.", g.Grant);
        return access;
    }

    // Albuquerque 4.1: access is granted by DTI in coordination with department heads.
    public async Task<ActResult> ConsentAsync(string? token, string? decision, string? comments, CancellationToken ct)
    {
        var access = await OpenConsentAsync(token, ct);
        if (access is LinkAccess.Refused refused) return new ActResult.Refused(refused);
        var g = (LinkAccess.Granted)access;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var given = decision switch { "consent" => true, "refuse" => (bool?)false, _ => null };
        if (given is null) errors["decision"] = ["Choose whether you consent or refuse."];
        var text = comments?.Trim() ?? "";
        if (given == false && text.Length == 0) errors["comments"] = ["Say why you refuse: the employee is told."];
        else if (text.Length > ToolRequestValidator.MaxText) errors["comments"] = [$"Use at most {ToolRequestValidator.MaxText} characters."];
        else if (text.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))) errors["comments"] = ["Remove control characters."];
        if (errors.Count > 0) return new ActResult.Invalid(errors, g);
        return await ActAsync(g, new GiveConsent(g.Payload.Subject, given!.Value, text, clock.GetUtcNow()), ct);
    }

    private async Task<ActResult> ActAsync(LinkAccess.Granted g, AccessGrantCommand command, CancellationToken ct)
    {
        var d = await store.HandleAsync(g.Payload.InstanceId, command, ct);
        var view = AccessGrantView.From(d.State, command.Now)!;
        return d.Changed
            ? new ActResult.Done(view)
            : new ActResult.Refused(new(StatusCodes.Status410Gone, "Nothing was recorded", "The request moved on before your answer; see where it stands below.", view));
    }

    private async Task<LinkAccess> OpenAsync(string? token, string purpose, CancellationToken ct)
    {
        switch (tokens.Verify(token, purpose))
        {
            case TokenVerification.Valid { Payload: var p }:
                var s = await store.LoadAsync(p.InstanceId, includeEvents: false, ct);
                if (s?.State.FileOrNull is not { } f) return NotValid();
                var view = AccessGrantView.From(s.State, clock.GetUtcNow())!;
                if (AccessLinks.Round(f) != p.TaskId)
                    return new LinkAccess.Refused(StatusCodes.Status410Gone, "This link is from an earlier request", "A newer request replaced it; use the link in its email.", view);
                return s.State switch
                {
                    AccessGrant.Pending => new LinkAccess.Granted(p, f, view, null),
                    AccessGrant.Ended e => new LinkAccess.Refused(StatusCodes.Status410Gone, "This request is closed", $"It ended: {e.Reason}.", view),
                    _ => new LinkAccess.Refused(StatusCodes.Status410Gone, "Access is already granted", "Nothing more is needed.", view),
                };
            case TokenVerification.Expired:
                return new LinkAccess.Refused(StatusCodes.Status410Gone, "This link has expired", "Ask the AI officer to close the request, then request access again.");
            default:
                return NotValid();
        }
    }

    private static LinkAccess.Refused NotValid() => new(StatusCodes.Status404NotFound, "This link is not valid",
        "Check that the whole link was copied from the email. If it still does not open, ask the AI officer.");
}

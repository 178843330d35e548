using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Calendar;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Domain.UnionNotices;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Records;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.UnionNotices;

/// <summary>
/// The application service of the union-notice workflow: what an organization's link opens and its
/// answer, and labor relations' meetings and conclusions. Pages and the API both call it.
/// </summary>
public sealed partial class UnionNoticeService(
    WorkflowGateway<UnionNoticeCommand, UnionNotice, UnionNoticeEvent> store,
    TaskTokenService tokens,
    PolicyPack pack,
    BusinessCalendar calendar,
    IRecordArchive archive,
    Reassessments.ToolLifecycleService tools,
    TimeProvider clock)
{
    public Task<Snapshot<UnionNotice, UnionNoticeEvent>?> GetAsync(string noticeId, CancellationToken ct) =>
        IsNoticeId(noticeId) ? store.LoadAsync(noticeId, includeEvents: true, ct) : Task.FromResult<Snapshot<UnionNotice, UnionNoticeEvent>?>(null);

    /// <summary>The labor relations view of a notice, or null when there is none.</summary>
    public async Task<UnionNoticeView?> ViewAsync(string noticeId, CancellationToken ct) =>
        await GetAsync(noticeId, ct) is { State: not UnionNotice.None } s ? UnionNoticeView.From(s.State, calendar, detailed: true) : null;

    /// <summary>The public part of a request's notice: each organization's state and deadlines. No read unless the tool affects working conditions.</summary>
    public async Task<UnionNoticeView?> ForRequestAsync(ToolApproval request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (pack.Union is null || request.CaseOrNull is not { Form.AffectsWorkingConditions: true } c) return null;
        var s = await store.LoadAsync(UnionGate.NoticeId(c.RequestId), includeEvents: false, ct);
        return s?.State is { } state and not UnionNotice.None ? UnionNoticeView.From(state, calendar, detailed: false) : null;
    }

    /// <summary>What an organization's response link opens. Never changes state: mail scanners fetch links before people do.</summary>
    public async Task<LinkAccess> OpenAsync(string? token, CancellationToken ct) => (await OpenNoticeAsync(token, ct)).Access;

    /// <summary>What the link opens, and the notice it was read from (null when the link is not genuine).</summary>
    private async Task<(LinkAccess Access, Snapshot<UnionNotice, UnionNoticeEvent>? Notice)> OpenNoticeAsync(string? token, CancellationToken ct)
    {
        switch (tokens.Verify(token, TokenPurposes.Union))
        {
            case TokenVerification.Valid { Payload: var p }:
                if (await GetAsync(p.InstanceId, ct) is not { State.CaseOrNull: { } c } notice || c.Organization(p.Subject) is not { } o) return (NotValid(), null);
                return (UnionNoticeDecider.Refusal(notice.State, o.Id) is { } why
                    ? new LinkAccess.Refused(StatusCodes.Status410Gone, "This notice needs nothing more from you", why, UnionNoticeView.From(notice.State, calendar, detailed: false), o.Id)
                    : new LinkAccess.Granted(p, UnionNoticeView.From(notice.State, calendar, detailed: false), o.Id, c.Clock.WindowClosesAt, CanWaive: o.Answer is null), notice);
            case TokenVerification.Expired:
                return (new LinkAccess.Refused(StatusCodes.Status410Gone, "This link has expired",
                    $"Ask labor relations ({LaborRelations}) for a new link; your organization can still request to meet and confer."), null);
            default:
                return (NotValid(), null);
        }
    }

    private LinkAccess.Refused NotValid() => new(StatusCodes.Status404NotFound, "This link is not valid",
        $"Check that the whole link was copied from the email. If it still does not open, write to labor relations ({LaborRelations}).");

    public string LaborRelations => pack.Union?.LaborRelationsEmail ?? "labor relations";

    public abstract record LinkAccess
    {
        /// <summary>The organization may answer; <c>CanWaive</c> is false once its silence was deemed a waiver (it may still request).</summary>
        public sealed record Granted(TaskTokenPayload Payload, UnionNoticeView Notice, string OrganizationId, DateTimeOffset WindowClosesAt, bool CanWaive) : LinkAccess
        {
            public UnionOrganizationView Organization => Notice.Organizations.First(o => o.Id == OrganizationId);
        }

        public sealed record Refused(int Status, string Title, string Detail, UnionNoticeView? Notice = null, string? OrganizationId = null) : LinkAccess;

        private LinkAccess() { }
    }

    public sealed record AnswerInput(string? Answer, string? Name, string? Comments);

    public abstract record AnswerResult
    {
        public sealed record Done(UnionNoticeView Notice, UnionOrganizationView Organization, bool Requested) : AnswerResult;

        public sealed record Invalid(Dictionary<string, string[]> Errors, LinkAccess Access) : AnswerResult;

        public sealed record Refused(LinkAccess.Refused Why) : AnswerResult;

        private AnswerResult() { }
    }

    /// <summary>An organization waives or requests to meet and confer; acts once, then the link is spent.</summary>
    public async Task<AnswerResult> AnswerAsync(DurableTaskClient client, string? token, AnswerInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (access, notice) = await OpenNoticeAsync(token, ct);
        if (access is LinkAccess.Refused refused)
            return notice is not null && refused.OrganizationId is { } id && RecordedAlready(notice.State, notice.Events, id, input) is { } again
                ? again
                : new AnswerResult.Refused(refused);
        var g = (LinkAccess.Granted)access;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = input.Answer switch { "meet_and_confer" => true, "waive" => false, _ => (bool?)null };
        if (request is null) errors["answer"] = [g.CanWaive ? "Choose to waive or to request to meet and confer." : "Choose to request to meet and confer."];
        else if (request == false && !g.CanWaive) errors["answer"] = ["The window has closed and the notice already counts as waived; you can still request to meet and confer."];
        var name = Text(input.Name, "name", "Enter the name of the person answering for the organization.", ToolRequestValidator.MaxShort, errors);
        if (!errors.ContainsKey("name") && !Web.SingleLineText.IsValid(name)) errors["name"] = [Web.SingleLineText.Refusal];
        var comments = Text(input.Comments, "comments", null, ToolRequestValidator.MaxText, errors);
        if (errors.Count > 0) return new AnswerResult.Invalid(errors, access);

        var d = await store.SendAsync(client, g.Payload.InstanceId, new UnionNoticeCommand.Answer(g.OrganizationId, request!.Value, name, comments, clock.GetUtcNow()), ct);
        if (d.NewEvents.Count == 0)
            return RecordedAlready(d.State, [], g.OrganizationId, input) ?? (AnswerResult)new AnswerResult.Refused(new LinkAccess.Refused(StatusCodes.Status410Gone, "Your answer was not recorded",
                UnionNoticeDecider.Refusal(d.State, g.OrganizationId) ?? "The notice has moved on; see its status below.", UnionNoticeView.From(d.State, calendar, false), g.OrganizationId));
        var view = UnionNoticeView.From(d.State, calendar, detailed: false);
        return new AnswerResult.Done(view, view.Organizations.First(o => o.Id == g.OrganizationId), request.Value);
    }

    /// <summary>
    /// The very same answer posted again (a double click, or a retry after a commit that landed but whose
    /// answer was lost) is what the notice already records: it is answered as recorded, and records nothing.
    /// A late request after a deemed waiver is only in the history; without it, such a repeat is refused as before.
    /// </summary>
    private AnswerResult.Done? RecordedAlready(UnionNotice state, IReadOnlyList<StoredEvent<UnionNoticeEvent>> history, string organizationId, AnswerInput input)
    {
        if (state.CaseOrNull?.Organization(organizationId) is not { } o) return null;
        var (name, comments) = (input.Name?.Trim() ?? "", input.Comments?.Trim() ?? "");
        bool Same(string by, string said) => string.Equals(by, name, StringComparison.Ordinal) && string.Equals(said, comments, StringComparison.Ordinal);
        var recorded = input.Answer switch
        {
            "waive" => o.Answer is { Kind: AnswerKind.Waived } a && Same(a.By, a.Comments),
            "meet_and_confer" => o.Case is not null && (o.Answer is { Kind: AnswerKind.Requested } a
                ? Same(a.By, a.Comments)
                : history.LastOrDefault(e => e.Event is UnionNoticeEvent.MeetAndConferRequested r && r.OrganizationId == o.Id)?.Event
                    is UnionNoticeEvent.MeetAndConferRequested r && Same(r.By, r.Comments)),
            _ => false,
        };
        if (!recorded) return null;
        var view = UnionNoticeView.From(state, calendar, detailed: false);
        return new AnswerResult.Done(view, view.Organizations.First(x => x.Id == o.Id), input.Answer == "meet_and_confer");
    }

    private static string Text(string? value, string key, string? required, int max, Dictionary<string, string[]> errors)
    {
        var v = value?.Trim() ?? "";
        if (v.Length == 0 && required is not null) errors[key] = [required];
        else if (v.Length > max) errors[key] = [$"Use at most {max} characters."];
        else if (v.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\r' or '\t'))) errors[key] = ["Remove control characters."];
        return v;
    }

    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static bool IsNoticeId(string? id) =>
        id is { Length: 22 } && id.StartsWith("union-", StringComparison.Ordinal) && !id.AsSpan(6).ContainsAnyExcept(Hex);
}

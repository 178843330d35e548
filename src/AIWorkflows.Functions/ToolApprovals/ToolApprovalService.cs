using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AIWorkflows.App.Tokens;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Domain.Reassessments;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Storage.Deciding;
using Microsoft.DurableTask.Client;
using static AIWorkflows.Domain.ToolApprovals.ToolApprovalCommand;

namespace AIWorkflows.App.ToolApprovals;

/// <summary>
/// The one application service behind the intake API, the forms and the task links: it validates,
/// screens, turns requests into commands with the current time, and explains refusals.
/// </summary>
public sealed partial class ToolApprovalService(
    WorkflowGateway<ToolApprovalCommand, ToolApproval, ToolApprovalEvent> store,
    PolicyPack pack,
    TaskTokenService tokens,
    WorkflowGateway<ToolLifecycleCommand, ToolLifecycle, ToolLifecycleEvent> tools,
    TimeProvider clock,
    ILogger<ToolApprovalService> log)
{
    /// <param name="submitter">
    /// The signed-in city identity sending the request. It is the requester unless the body names another
    /// <c>requesterEmail</c>: then the request is recorded as sent by the submitter on the requester's behalf.
    /// </param>
    public async Task<SubmitResult> SubmitAsync(DurableTaskClient client, ToolRequestInput input, string? idempotencyKey, string submitter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(submitter);
        if (string.IsNullOrWhiteSpace(input.RequesterEmail)) input.RequesterEmail = submitter;
        var errors = ToolRequestValidator.Validate(input, pack);
        if (idempotencyKey is { Length: > 200 } || idempotencyKey?.Any(char.IsControl) == true)
            errors["Idempotency-Key"] = ["Use a key of at most 200 printable characters."];
        if (errors.Count > 0) return new SubmitResult.Invalid(errors);

        var form = input.ToForm() with { SubmittedBy = submitter.Trim() };
        var assessment = RiskAssessor.Assess(pack, form);
        if (assessment.IsProhibited)
            return new SubmitResult.Prohibited(assessment.Prohibited, assessment.AssumedBy(assessment.Prohibited.SelectMany(u => u.When)));

        var (requestId, toolId) = NewIds(idempotencyKey, submitter.Trim());
        if (form.PilotToolId is { } pilotId)
        {
            // The approval moves the pilot's own register entry into production; it must be a pilot still.
            if (await tools.LoadAsync(pilotId, includeEvents: false, ct) is not { State: ToolLifecycle.InService { Profile.Stage: "pilot" } })
                return new SubmitResult.Invalid(new() { ["pilotToolId"] = [$"{pilotId} is not a pilot in the register. Check the id on its register page."] });
            toolId = pilotId;
        }
        if (idempotencyKey is not null && await store.LoadAsync(requestId, includeEvents: true, ct) is { } existing)
            return SameForm(existing.State, form) ? new SubmitResult.Replayed(existing) : new SubmitResult.KeyReused();

        var submit = new Submit(requestId, toolId, form, clock.GetUtcNow());
        // A random id is new; a key's id may name an instance whose first step is not yet recorded (a retry after a crash).
        var decision = await store.StartAsync(client, requestId, submit, mayExist: idempotencyKey is not null, ct);
        if (decision.NewEvents.Count > 0)
            // A new instance's whole history is what this command just wrote: no read needed.
            return new SubmitResult.Created(new Snapshot<ToolApproval, ToolApprovalEvent>(requestId, decision.State, decision.Version, decision.NewEvents));
        // Two identical submissions racing with one key: the loser decided nothing and replays the winner.
        var stored = await store.LoadAsync(requestId, includeEvents: true, ct)
            ?? throw new InvalidOperationException($"Request {requestId} vanished right after it was stored.");
        return SameForm(stored.State, form) ? new SubmitResult.Replayed(stored) : new SubmitResult.KeyReused();
    }

    public Task<Snapshot<ToolApproval, ToolApprovalEvent>?> GetAsync(string requestId, CancellationToken ct) =>
        IsRequestId(requestId) ? store.LoadAsync(requestId, includeEvents: true, ct) : Task.FromResult<Snapshot<ToolApproval, ToolApprovalEvent>?>(null);

    private static bool SameForm(ToolApproval state, ToolRequestForm form) =>
        state.CaseOrNull is { } c && JsonSerializer.Serialize(c.Form) == JsonSerializer.Serialize(form);

    private readonly byte[] _requestIdKey = tokens.DerivedKey("request-ids");

    /// <summary>
    /// A request id is its requester's link to the request, so nothing public may give it away (issue 19): the tool id,
    /// which the public register shows, is random on its own. The request id is random too, unless an Idempotency-Key
    /// is given: then it is an HMAC of the sender and the key under a server secret, so a retried POST lands on the
    /// same request without a lookup table, and knowing or guessing a client's key still does not give the id. A retry
    /// reads the stored request, whose tool id is the one first drawn.
    /// </summary>
    private (string RequestId, string ToolId) NewIds(string? key, string submitter)
    {
        var request = key is null
            ? RandomNumberGenerator.GetBytes(8)
            : HMACSHA256.HashData(_requestIdKey, Encoding.UTF8.GetBytes($"{submitter.ToUpperInvariant()}\n{key}"))[..8];
        return ($"req-{Convert.ToHexStringLower(request)}", $"tool-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}");
    }

    private static readonly System.Buffers.SearchValues<char> Hex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static bool IsRequestId(string? id) =>
        id is { Length: 20 } && id.StartsWith("req-", StringComparison.Ordinal) && !id.AsSpan(4).ContainsAnyExcept(Hex);
}

using System.Diagnostics;
using System.Text.Json;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Deciding;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// How the app talks to one workflow's orchestrations: it starts an instance or sends it a command,
/// then waits (bounded) until the instance has answered, so the caller can tell a person what
/// happened and a page read right after shows it; it reads instances from the read model only.
/// </summary>
public sealed class WorkflowGateway<TCommand, TState, TEvent> : IClockedWorkflow
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    // The read model is polled only in case the step runs in another process; a step of this one wakes the
    // caller at once. Backing off keeps a slow start (a new instance waits on the engine's queues) to a few reads.
    private static readonly TimeSpan PollAtMost = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StillRunningCheck = TimeSpan.FromSeconds(2);

    private readonly WorkflowRules<TCommand, TState, TEvent> _rules;
    private readonly WorkflowLog<TState, TEvent> _log;
    private readonly IDecider<TCommand, TState, TEvent> _decider;
    private readonly string _pack;
    private readonly TimeProvider _clock;
    private readonly StepSignals _signals;

    public WorkflowGateway(WorkflowRules<TCommand, TState, TEvent> rules, WorkflowLog<TState, TEvent> log, PolicyPack pack, TimeProvider clock, StepSignals signals)
    {
        ArgumentNullException.ThrowIfNull(rules);
        (_rules, _log, _clock, _signals) = (rules, log, clock, signals);
        _decider = rules.Decider(pack);
        _pack = JsonSerializer.Serialize(pack, WorkflowJson.Options);
    }

    public Task<Snapshot<TState, TEvent>?> LoadAsync(string instanceId, bool includeEvents, CancellationToken cancellationToken) =>
        _log.LoadAsync(instanceId, includeEvents, cancellationToken);

    /// <summary>
    /// Starts the instance with its first command. <paramref name="mayExist"/>: the id may be in use (a
    /// retried request with the same key), so the read model and then the engine are asked first: the
    /// engine replaces an instance that is finished, or created but not yet run, when started again, and
    /// the replacement would decide (and mail) its first step a second time.
    /// </summary>
    public async Task<Decision<TState, TEvent>> StartAsync(
        DurableTaskClient client, string instanceId, TCommand command, bool mayExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (mayExist)
        {
            if (await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) is { } existing)
                return new Decision<TState, TEvent>(instanceId, existing.State, existing.State, existing.Version, []);
            // Created by a process that died before the first step was recorded: that step is on its way.
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
                return await FirstStepAsync(instanceId, cancellationToken);
        }
        var commandId = NewCommandId();
        var answered = _signals.NextStepAsync(instanceId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(_rules.Orchestration,
                new WorkflowStart(commandId, Json(command), _pack, Skew()), new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Two starts raced on one id (the same key sent twice at once): the other started it; its first step is the answer.
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is null) throw;
            return await FirstStepAsync(instanceId, cancellationToken);
        }
        return await AnsweredAsync(client, instanceId, commandId, answered, cancellationToken);
    }

    private async Task<Decision<TState, TEvent>> FirstStepAsync(string instanceId, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) is { } existing)
                return new Decision<TState, TEvent>(instanceId, existing.State, existing.State, existing.Version, []);
            if (waited.Elapsed > Patience)
                throw new TimeoutException($"{_rules.Name} instance '{instanceId}' did not record its first step within {Patience.TotalSeconds:F0} s.");
            await Task.Delay(PollEvery, cancellationToken);
        }
    }

    /// <summary>Sends a command to a running instance and waits for its answer; a finished instance decides nothing, as its decider says.</summary>
    public async Task<Decision<TState, TEvent>> SendAsync(DurableTaskClient client, string instanceId, TCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var current = await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken);
        if (current is null || _decider.IsFinal(current.State))
        {
            var state = current is null ? _decider.Initial : current.State;
            return new Decision<TState, TEvent>(instanceId, state, state, current?.Version ?? 0, []);
        }
        var commandId = NewCommandId();
        var answered = _signals.NextStepAsync(instanceId);
        await client.RaiseEventAsync(instanceId, _rules.EventName(command), new WorkflowCommand(commandId, Json(command), Skew()), cancellationToken);
        return await AnsweredAsync(client, instanceId, commandId, answered, cancellationToken);
    }

    /// <summary>
    /// Tells a running instance how far the app's clock is from the engine's (the Development clock
    /// moved, a test's fake clock advanced) and waits until it has decided what fell due.
    /// </summary>
    public async Task ClockMovedAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        // An instance finishing as the query listed it takes no more events.
        if (await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) is not { } current || _decider.IsFinal(current.State)) return;
        var commandId = NewCommandId();
        var answered = _signals.NextStepAsync(instanceId);
        await client.RaiseEventAsync(instanceId, DeciderOrchestration.ClockMovedEvent, new ClockMoved(commandId, Skew()), cancellationToken);
        await AnsweredAsync(client, instanceId, commandId, answered, cancellationToken);
    }

    public string Orchestration => _rules.Orchestration;

    private async Task<Decision<TState, TEvent>> AnsweredAsync(
        DurableTaskClient client, string instanceId, string commandId, Task<IReadOnlyDictionary<string, WorkflowAnswer>> answered, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var pollEvery = PollEvery;
        while (true)
        {
            var signalled = await Task.WhenAny(answered, Task.Delay(pollEvery, cancellationToken)) == answered;
            if (!signalled && pollEvery < PollAtMost) pollEvery *= 2;
            var answers = signalled ? answered.Result : await _log.AnsweredAsync(instanceId, cancellationToken);
            if (answers.TryGetValue(commandId, out var answer))
            {
                var snapshot = await _log.LoadAsync(instanceId, includeEvents: true, cancellationToken)
                    ?? throw new InvalidOperationException($"Instance '{instanceId}' answered but has no read model.");
                var newEvents = snapshot.Events.Where(e => e.Seq > answer.Before && e.Seq <= answer.After).ToList();
                return new Decision<TState, TEvent>(instanceId, snapshot.State, snapshot.State, snapshot.Version, newEvents);
            }
            if (waited.Elapsed > Patience)
                throw new TimeoutException($"{_rules.Name} instance '{instanceId}' did not answer within {Patience.TotalSeconds:F0} s.");
            // An instance that finished (or failed) meanwhile drops the event: what it holds is the answer.
            if (!signalled && waited.Elapsed > StillRunningCheck
                && await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending }
                && await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) is { } finished)
                return new Decision<TState, TEvent>(instanceId, finished.State, finished.State, finished.Version, []);
            if (signalled) answered = _signals.NextStepAsync(instanceId);
        }
    }

    // In Production the app's clock is the engine's; elsewhere (the Development clock, a test's fake) the difference travels as data.
    private TimeSpan Skew() => ReferenceEquals(_clock, TimeProvider.System) ? TimeSpan.Zero : _clock.GetUtcNow() - TimeProvider.System.GetUtcNow();

    // Written as the base command type, so its polymorphic discriminator is in the JSON.
    private static string Json(TCommand command) => JsonSerializer.Serialize(command, WorkflowJson.Options);

    private static string NewCommandId() => Guid.NewGuid().ToString("N");
}

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
public sealed class WorkflowGateway<TCommand, TState, TEvent> : IClockedWorkflow, ISleepingWorkflow
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    // An instance that keeps deciding (many commands queued at once: 64 reviewers deciding together) is
    // waited for as long as it moves, up to this; one that stops moving for Patience is given up on.
    private static readonly TimeSpan PatienceWhileMoving = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    // The read model is polled only in case the step runs in another process; a step of this one wakes the
    // caller at once. Backing off keeps a slow start (a new instance waits on the engine's queues) to a few reads.
    private static readonly TimeSpan PollAtMost = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StillRunningCheck = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan FinishPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan FinishPatience = TimeSpan.FromSeconds(5);

    private readonly WorkflowRules<TCommand, TState, TEvent> _rules;
    private readonly WorkflowLog<TState, TEvent> _log;
    private readonly IDecider<TCommand, TState, TEvent> _decider;
    private readonly PolicyPackVersions _packs;
    private readonly TimeProvider _clock;
    private readonly StepSignals _signals;
    private readonly WakeIndex? _wakes;
    private readonly InstanceGates _gates = new();
    // Resolved when first needed: the recorder's effect handlers may themselves send through a gateway (a cycle at construction).
    private readonly Func<IWorkflowStepRecorder>? _recorder;

    public WorkflowGateway(
        WorkflowRules<TCommand, TState, TEvent> rules, WorkflowLog<TState, TEvent> log, PolicyPackVersions packs, TimeProvider clock, StepSignals signals,
        WakeIndex? wakes = null, Func<IWorkflowStepRecorder>? recorder = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(packs);
        (_rules, _log, _packs, _clock, _signals, _wakes, _recorder) = (rules, log, packs, clock, signals, wakes, recorder);
        _decider = rules.Decider(packs.Get(packs.CurrentId));
    }

    public Task<Snapshot<TState, TEvent>?> LoadAsync(string instanceId, bool includeEvents, CancellationToken cancellationToken) =>
        _log.LoadAsync(instanceId, includeEvents, cancellationToken);

    /// <summary>
    /// Starts the instance with its first command. <paramref name="mayExist"/>: the id may be in use (a
    /// retried request with the same key), so the read model and then the engine are asked first: the
    /// engine replaces an instance that is finished, or created but not yet run, when started again, and
    /// the replacement would decide (and mail) its first step a second time. An instance that would sleep
    /// right after its first step (an approved tool, its first re-assessment months away) is not started in
    /// the engine at all: see <see cref="FirstStepAsleepAsync"/>.
    /// </summary>
    public async Task<Decision<TState, TEvent>> StartAsync(
        DurableTaskClient client, string instanceId, TCommand command, bool mayExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (await FirstStepAsleepAsync(instanceId, command, mayExist, cancellationToken) is { } asleep) return asleep;
        if (mayExist)
        {
            if (await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) is { } existing)
                return new Decision<TState, TEvent>(instanceId, existing.State, existing.State, existing.Version, []);
            // Created by a process that died before the first step was recorded: that step is on its way.
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null)
                return await FirstStepAsync(instanceId, cancellationToken);
        }
        await _packs.EnsureStoredAsync(cancellationToken);
        var commandId = NewCommandId();
        var answered = _signals.NextStepAsync(instanceId);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(_rules.Orchestration,
                new WorkflowStart(commandId, Json(command), null, Skew(), PackId: _packs.CurrentId), new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Two starts raced on one id (the same key sent twice at once): the other started it; its first step is the answer.
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is null) throw;
            return await FirstStepAsync(instanceId, cancellationToken);
        }
        return await AnsweredAsync(client, instanceId, commandId, answered, cancellationToken) ?? await UnansweredAsync(instanceId, cancellationToken);
    }

    /// <summary>
    /// For a workflow that sleeps: decides the first command here and, if the instance would sleep after it,
    /// records that step as the orchestration's activity would, wake time included, and starts nothing in the
    /// engine. A new orchestration costs dozens of storage requests and seconds of queueing before its first
    /// step (issue 18), only to finish at once. Null when the first step would not sleep (or decides nothing):
    /// the engine runs it. Safe to repeat (the effect that hands an approved tool over is retried until it
    /// succeeds): an instance still at the first step gets the step recorded again, so effects cut short by a
    /// crash are carried out; one that has moved on is answered as it stands.
    /// </summary>
    private async Task<Decision<TState, TEvent>?> FirstStepAsleepAsync(string instanceId, TCommand command, bool mayExist, CancellationToken cancellationToken)
    {
        if (_rules.SleepBeyond is null || _recorder is null || FirstStep(instanceId, command) is not { } first || !WouldSleep(first.State)) return null;
        if (mayExist && await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) is { } existing
            && !(existing.Version == first.Step.Version && Same(existing.State, first.State)))
            return new Decision<TState, TEvent>(instanceId, existing.State, existing.State, existing.Version, []);
        await _recorder().RecordAsync(first.Step, cancellationToken);
        return new Decision<TState, TEvent>(instanceId, _decider.Initial, first.State, first.Step.Version,
            [.. first.Step.Events.Select(e => new StoredEvent<TEvent>(e.Seq, first.Step.At, JsonSerializer.Deserialize<TEvent>(e.Event, WorkflowJson.Options)!))]);
    }

    /// <summary>A new instance's first step, decided here as the orchestration would decide it, recorded asleep; null when the command decides nothing.</summary>
    private (WorkflowStep Step, TState State)? FirstStep(string instanceId, TCommand command)
    {
        var json = WorkflowJson.Options;
        var events = _decider.Decide(command, _decider.Initial);
        if (events.Count == 0) return null;
        var after = events.Aggregate(_decider.Initial, _decider.Evolve);
        var next = _decider.Deadlines(after).MinBy(d => d.DueAt);
        var step = new WorkflowStep(_rules.Name, instanceId, JsonSerializer.Serialize(_decider.Initial, json), JsonSerializer.Serialize(after, json),
            events.Count, [.. events.Select((e, i) => new StepEvent(i + 1, JsonSerializer.Serialize(e, json)))], "", "", _clock.GetUtcNow(), Sleeps: true, next?.DueAt);
        return (step, after);
    }

    private static bool Same(TState a, TState b) =>
        JsonSerializer.Serialize(a, WorkflowJson.Options) == JsonSerializer.Serialize(b, WorkflowJson.Options);

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
        if (_rules.SleepBeyond is not null && await WakeIfAsleepAsync(client, instanceId, command, current, cancellationToken) is Wake.Started woken)
            return await woken.Answer;
        var commandId = NewCommandId();
        var answered = _signals.NextStepAsync(instanceId);
        await client.RaiseEventAsync(instanceId, _rules.EventName(command), new WorkflowCommand(commandId, Json(command), Skew()), cancellationToken);
        var decision = await AnsweredAsync(client, instanceId, commandId, answered, cancellationToken);
        // It went to sleep as the command arrived (the event dropped with it): wake it with the command.
        if (decision is null && _rules.SleepBeyond is not null && await WakeIfAsleepAsync(client, instanceId, command, known: null, cancellationToken) is Wake.Started rewoken)
            return await rewoken.Answer;
        return decision ?? await UnansweredAsync(instanceId, cancellationToken);
    }

    /// <summary>What a wake found: the instance awake (send it an event), finished or unknown (nothing to do), or started again.</summary>
    private abstract record Wake
    {
        public sealed record Awake : Wake;

        public sealed record Done : Wake;

        public sealed record Started(Task<Decision<TState, TEvent>> Answer) : Wake;
    }

    /// <summary>
    /// Starts a sleeping instance again with the command (none for a deadline), answering the wait for its decision.
    /// One wake per instance at a time (<see cref="InstanceGates"/>): the check and the start happen in one turn, so a
    /// second caller finds the first one's instance created. <paramref name="known"/> is the read model as the caller
    /// read it; it is read again only if it may have moved since (another caller had the turn, or there was none).
    /// </summary>
    private async Task<Wake> WakeIfAsleepAsync(
        DurableTaskClient client, string instanceId, TCommand? command, Snapshot<TState, TEvent>? known, CancellationToken cancellationToken)
    {
        using var turn = await _gates.EnterAsync(instanceId, cancellationToken);
        var current = known is not null && !turn.Waited ? known : await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken);
        if (current is null || _decider.IsFinal(current.State))
            return command is null ? new Wake.Done() : new Wake.Started(Task.FromResult(Unchanged(instanceId, current)));
        var instance = await client.GetInstanceAsync(instanceId, cancellationToken);
        // Its last step put it to sleep and it is finishing: an event now would be dropped, so wait for the end and wake it.
        if (Awake(instance) && WouldSleep(current.State))
        {
            instance = await FinishedAsync(client, instanceId, cancellationToken);
            // It may have taken a step since the read above (another caller's command).
            current = await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) ?? current;
        }
        if (Awake(instance)) return new Wake.Awake();
        await _packs.EnsureStoredAsync(cancellationToken);
        var commandId = NewCommandId();
        var answered = _signals.NextStepAsync(instanceId);
        try
        {
            // Refused if another process woke it meanwhile: the engine would otherwise terminate that run and start this one.
            await client.ScheduleNewOrchestrationInstanceAsync(_rules.Orchestration,
                new WorkflowStart(commandId, command is null ? null : Json(command), null, Skew(), JsonSerializer.Serialize(current.State, WorkflowJson.Options), current.Version,
                    _packs.CurrentId),
                new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Awakened), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (Awake(await client.GetInstanceAsync(instanceId, cancellationToken))) return new Wake.Awake();
            throw;
        }
        return new Wake.Started(AnswerOfWakeAsync(client, instanceId, commandId, answered, cancellationToken));
    }

    private async Task<Decision<TState, TEvent>> AnswerOfWakeAsync(
        DurableTaskClient client, string instanceId, string commandId, Task<RecordedStep> answered, CancellationToken cancellationToken) =>
        await AnsweredAsync(client, instanceId, commandId, answered, cancellationToken) ?? await UnansweredAsync(instanceId, cancellationToken);

    private Decision<TState, TEvent> Unchanged(string instanceId, Snapshot<TState, TEvent>? current)
    {
        var state = current is null ? _decider.Initial : current.State;
        return new Decision<TState, TEvent>(instanceId, state, state, current?.Version ?? 0, []);
    }

    /// <summary>
    /// Decides a new instance's first command here, without the engine, and records it asleep: for bulk
    /// registration (the federal import), where starting thousands of orchestrations would take minutes.
    /// False when the instance exists already or the command decided nothing.
    /// </summary>
    public async Task<bool> StartAsleepAsync(string instanceId, TCommand command, CancellationToken cancellationToken)
    {
        if (_rules.SleepBeyond is null || _recorder is null)
            throw new InvalidOperationException($"{_rules.Name} instances do not sleep; start them with {nameof(StartAsync)}.");
        if (await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) is not null) return false;
        if (FirstStep(instanceId, command) is not { } first) return false;
        await _recorder().RecordAsync(first.Step, cancellationToken);
        return true;
    }

    /// <summary>
    /// Wakes every sleeping instance whose deadline is near by the app's clock (or has passed) and waits
    /// until each has decided what fell due; answers how many woke. The timer trigger and the Development
    /// sweep call it.
    /// </summary>
    public async Task<int> WakeDueAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (_rules.SleepBeyond is null || _wakes is null) return 0;
        var due = await _wakes.DueAsync(_rules.Name, _clock.GetUtcNow() + _rules.WakeLead, cancellationToken);
        var woken = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            switch (await WakeIfAsleepAsync(client, row.InstanceId, command: default, known: null, ct))
            {
                case Wake.Awake:
                    // Awake after all (woken by a command): its row stays until it sleeps again and rewrites it.
                    return;
                case Wake.Started started:
                    await started.Answer;
                    Interlocked.Increment(ref woken);
                    break;
            }
            await _wakes.RemoveAsync(row, ct);
        });
        return woken;
    }

    public string Workflow => _rules.Name;

    // The orchestration's own rule (DeciderOrchestration): a state whose next deadline is beyond the horizon sleeps.
    private bool WouldSleep(TState state)
    {
        var next = _decider.Deadlines(state).MinBy(d => d.DueAt);
        return !_decider.IsFinal(state) && (next is null || next.DueAt - _clock.GetUtcNow() > _rules.SleepBeyond);
    }

    // An instance that has recorded its sleeping step completes within moments; one still running after this is awake after all.
    private static async Task<OrchestrationMetadata?> FinishedAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        OrchestrationMetadata? instance;
        do
        {
            await Task.Delay(FinishPoll, cancellationToken);
            instance = await client.GetInstanceAsync(instanceId, cancellationToken);
        }
        while (Awake(instance) && waited.Elapsed < FinishPatience);
        return instance;
    }

    private static readonly OrchestrationRuntimeStatus[] Awakened =
        [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Suspended];

    // Running, or created and about to run: events reach it.
    private static bool Awake(OrchestrationMetadata? instance) => instance is not null && Awakened.Contains(instance.RuntimeStatus);

    // An instance that finished (or failed) meanwhile dropped the event: what it holds is the answer.
    private async Task<Decision<TState, TEvent>> UnansweredAsync(string instanceId, CancellationToken cancellationToken)
    {
        var finished = await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken)
            ?? throw new InvalidOperationException($"Instance '{instanceId}' finished with no read model.");
        return new Decision<TState, TEvent>(instanceId, finished.State, finished.State, finished.Version, []);
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

    /// <summary>The instance's decision on the command, or null when it finished without answering it (the event dropped).</summary>
    private async Task<Decision<TState, TEvent>?> AnsweredAsync(
        DurableTaskClient client, string instanceId, string commandId, Task<RecordedStep> answered, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        var stalled = Stopwatch.StartNew();
        var progress = -1L;
        var pollEvery = PollEvery;
        while (true)
        {
            var signalled = await Task.WhenAny(answered, Task.Delay(pollEvery, cancellationToken)) == answered;
            if (!signalled && pollEvery < PollAtMost) pollEvery *= 2;
            var answers = signalled ? answered.Result.Answers : await _log.AnsweredAsync(instanceId, cancellationToken);
            // The newest version any answered command left: it grows while the instance works through its queue.
            var now = answers.Count == 0 ? progress : answers.Values.Max(a => a.After);
            if (now > progress)
            {
                progress = now;
                stalled.Restart();
            }
            if (answers.TryGetValue(commandId, out var answer))
            {
                // The step that answered was recorded here just now: it says what it decided, no read needed.
                if (signalled && answered.Result is { State: TState state } step && step.Version == answer.After)
                    return new Decision<TState, TEvent>(instanceId, state, state, step.Version,
                        [.. step.Events.Cast<StoredEvent<TEvent>>().Where(e => e.Seq > answer.Before && e.Seq <= answer.After)]);
                var snapshot = await _log.LoadAsync(instanceId, includeEvents: true, cancellationToken)
                    ?? throw new InvalidOperationException($"Instance '{instanceId}' answered but has no read model.");
                var newEvents = snapshot.Events.Where(e => e.Seq > answer.Before && e.Seq <= answer.After).ToList();
                return new Decision<TState, TEvent>(instanceId, snapshot.State, snapshot.State, snapshot.Version, newEvents);
            }
            if (stalled.Elapsed > Patience || waited.Elapsed > PatienceWhileMoving)
                throw new WorkflowBusyException($"{_rules.Name} instance '{instanceId}' did not answer within {waited.Elapsed.TotalSeconds:F0} s.");
            // An instance that finished (or failed) meanwhile drops the event.
            if (!signalled && waited.Elapsed > StillRunningCheck
                && await client.GetInstanceAsync(instanceId, cancellationToken) is { IsRunning: false, RuntimeStatus: not OrchestrationRuntimeStatus.Pending }
                && await _log.LoadAsync(instanceId, includeEvents: false, cancellationToken) is not null)
                return null;
            if (signalled) answered = _signals.NextStepAsync(instanceId);
        }
    }

    // In Production the app's clock is the engine's; elsewhere (the Development clock, a test's fake) the difference travels as data.
    private TimeSpan Skew() => ReferenceEquals(_clock, TimeProvider.System) ? TimeSpan.Zero : _clock.GetUtcNow() - TimeProvider.System.GetUtcNow();

    // Written as the base command type, so its polymorphic discriminator is in the JSON.
    private static string Json(TCommand command) => JsonSerializer.Serialize(command, WorkflowJson.Options);

    private static string NewCommandId() => Guid.NewGuid().ToString("N");
}

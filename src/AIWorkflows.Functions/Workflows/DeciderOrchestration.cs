using System.Text.Json;
using AIWorkflows.Domain.Policy;
using AIWorkflows.Storage.Deciding;
using Microsoft.DurableTask;

namespace AIWorkflows.App.Workflows;

/// <summary>
/// The loop every workflow orchestration runs (DESIGN §3): the decider decides each command that
/// arrives (an external event) or falls due (one durable timer for the earliest deadline), and each
/// step's events go to one activity that records them and carries out their effects. Deterministic:
/// time from the context plus the skew the app sent as data, no I/O, no services.
/// </summary>
public static class DeciderOrchestration
{
    public const string StepActivity = "RecordWorkflowStep";
    public const string ClockMovedEvent = "ClockMoved";

    // A step that fails (storage down, SendGrid refusing) is tried again with back-off before the instance fails.
    private static readonly TaskOptions StepRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    public static async Task<string> RunAsync<TCommand, TState, TEvent>(
        TaskOrchestrationContext ctx, WorkflowRules<TCommand, TState, TEvent> rules, PolicyPackVersions packs)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(packs);
        var json = WorkflowJson.Options;
        var start = ctx.GetInput<WorkflowStart>() ?? throw new InvalidOperationException($"{rules.Orchestration} started without input.");
        var pack = start.PackId is { } packId ? packs.Get(packId)
            : start.Pack is { } inline ? JsonSerializer.Deserialize<PolicyPack>(inline, json)!
            : throw new InvalidOperationException($"{rules.Orchestration} started without a policy pack.");
        var decider = rules.Decider(pack);
        var run = new Run<TCommand, TState, TEvent>(ctx, rules, decider, start.Skew);
        if (start.State is not null) run.Wake(Read<TState>(start.State, json), start.Version);

        // A new instance decides its first command; a woken one also what fell due while it slept.
        await run.DecideAsync(start.CommandId, start.Command is null ? default : Read<TCommand>(start.Command, json), thenDue: start.State is not null);
        // A first command that decided nothing (refused) leaves nothing to wait for: the caller has its answer.
        if (start.State is null && run.Version == 0) return JsonSerializer.Serialize(run.State, json);
        var listening = rules.EventNames.ToDictionary(n => ctx.WaitForExternalEvent<WorkflowCommand>(n), n => n);
        var clockMoved = ctx.WaitForExternalEvent<ClockMoved>(ClockMovedEvent);
        while (!decider.IsFinal(run.State) && !run.Sleeps)
        {
            var due = decider.Deadlines(run.State).MinBy(d => d.DueAt);
            using var cancelTimer = new CancellationTokenSource();
            var timer = due is null ? null : ctx.CreateTimer((due.DueAt - run.Skew).UtcDateTime, cancelTimer.Token);
            Task[] waits = [.. listening.Keys, clockMoved, .. timer is null ? Array.Empty<Task>() : [timer]];
            var done = await Task.WhenAny(waits);
            // Synchronously: orchestrator code awaits only the context's own tasks, or its replay loses its place.
            if (done != timer) cancelTimer.Cancel();

            if (done == timer)
            {
                await run.DecideAsync(commandId: null, command: default, thenDue: true);
            }
            else if (done == clockMoved)
            {
                var moved = clockMoved.Result;
                clockMoved = ctx.WaitForExternalEvent<ClockMoved>(ClockMovedEvent);
                run.Skew = moved.Skew;
                await run.DecideAsync(moved.CommandId, command: default, thenDue: true);
            }
            else
            {
                var arrived = (Task<WorkflowCommand>)done;
                var name = listening[arrived];
                listening.Remove(arrived);
                listening[ctx.WaitForExternalEvent<WorkflowCommand>(name)] = name;
                run.Skew = arrived.Result.Skew;
                await run.DecideAsync(arrived.Result.CommandId, Read<TCommand>(arrived.Result.Command, json), thenDue: false);
            }
        }
        return JsonSerializer.Serialize(run.State, json);
    }

    private static T Read<T>(string text, JsonSerializerOptions json) =>
        JsonSerializer.Deserialize<T>(text, json) ?? throw new InvalidOperationException($"No {typeof(T).Name} in '{text}'.");

    private sealed class Run<TCommand, TState, TEvent>(
        TaskOrchestrationContext ctx, WorkflowRules<TCommand, TState, TEvent> rules, Domain.Deciding.IDecider<TCommand, TState, TEvent> decider, TimeSpan skew)
    {
        private readonly List<WorkflowAnswer> _answers = [];

        public TState State { get; private set; } = decider.Initial;

        public long Version { get; private set; }

        public TimeSpan Skew { get; set; } = skew;

        /// <summary>The last step found the next deadline beyond the workflow's sleep horizon: the instance finishes.</summary>
        public bool Sleeps { get; private set; }

        public void Wake(TState state, long version) => (State, Version) = (state, version);

        public DateTimeOffset Now => new DateTimeOffset(ctx.CurrentUtcDateTime, TimeSpan.Zero) + Skew;

        /// <summary>
        /// Decides one step: a command, then (<paramref name="thenDue"/>) every deadline that has come
        /// by now, earliest first; its events go to the step activity together. A command someone waits
        /// on (it has an id) is answered even when nothing changed, so the caller learns that too; a
        /// timer that decides nothing costs nothing.
        /// </summary>
        public async Task DecideAsync(string? commandId, TCommand? command, bool thenDue)
        {
            var json = WorkflowJson.Options;
            var before = State;
            var stored = new List<StepEvent>();
            if (command is not null) Decide(command, stored);
            // A deadline that decides nothing is stale (the decider moved past it): it ends the catch-up.
            while (thenDue && decider.Deadlines(State).Where(d => d.DueAt <= Now).MinBy(d => d.DueAt) is { } due
                && Decide(rules.At(due.Command, Now), stored) > 0)
            {
            }
            var next = decider.Deadlines(State).MinBy(d => d.DueAt);
            Sleeps = rules.SleepBeyond is { } horizon && !decider.IsFinal(State) && (next is null || next.DueAt - Now > horizon);
            // A sleeping instance always records its step: the wake index must hold its next deadline.
            if (stored.Count == 0 && commandId is null && !Sleeps) return;
            var answersBefore = WorkflowAnswers.Format(_answers);
            if (commandId is not null) _answers.Add(new WorkflowAnswer(commandId, Version - stored.Count, Version));
            await ctx.CallActivityAsync(StepActivity, new WorkflowStep(
                rules.Name, ctx.InstanceId, JsonSerializer.Serialize(before, json), JsonSerializer.Serialize(State, json), Version, stored,
                answersBefore, WorkflowAnswers.Format(_answers), Now, Sleeps, Sleeps ? next?.DueAt : null), StepRetry);
        }

        private int Decide(TCommand command, List<StepEvent> stored)
        {
            var events = decider.Decide(command, State);
            foreach (var e in events)
            {
                State = decider.Evolve(State, e);
                stored.Add(new StepEvent(++Version, JsonSerializer.Serialize(e, WorkflowJson.Options)));
            }
            return events.Count;
        }
    }
}

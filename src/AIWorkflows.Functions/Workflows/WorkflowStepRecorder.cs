using System.Text.Json;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Storage.Effects;

namespace AIWorkflows.App.Workflows;

/// <summary>Records one workflow's steps: the read model first, then the effects the events call for.</summary>
public interface IWorkflowStepRecorder
{
    string Workflow { get; }

    Task RecordAsync(WorkflowStep recorded, CancellationToken cancellationToken);
}

/// <summary>
/// The activity side of a decider orchestration for one workflow. The read model is written first,
/// so a page shows the step even while its mail is still on the way; then the effects, idempotent
/// ones before mail (a mail sent twice cannot be taken back, so it goes last). Deadlines are the
/// orchestration's own durable timers, never effects.
/// </summary>
public sealed class WorkflowStepRecorder<TState, TEvent>(
    WorkflowLog<TState, TEvent> log,
    Func<string, TState, TState, IReadOnlyList<StoredEvent<TEvent>>, IEnumerable<PendingEffect>> effects,
    IEnumerable<IEffectHandler> handlers,
    StepSignals signals,
    WakeIndex wakes) : IWorkflowStepRecorder
{
    private readonly Dictionary<string, IEffectHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    public string Workflow => log.Workflow;

    public async Task RecordAsync(WorkflowStep recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var step = recorded;
        var json = WorkflowJson.Options;
        var before = JsonSerializer.Deserialize<TState>(step.Before, json)!;
        var after = JsonSerializer.Deserialize<TState>(step.After, json)!;
        var events = step.Events.Select(e => new StoredEvent<TEvent>(e.Seq, step.At, JsonSerializer.Deserialize<TEvent>(e.Event, json)!)).ToList();

        var answering = step.Answers != step.AnswersBefore;
        var written = await log.AppendAsync(step.InstanceId, after, step.Version, events, answering && events.Count > 0 ? step.AnswersBefore : step.Answers, step.At, cancellationToken);
        // A step delivered again after the instance moved on: its effects were carried out when it first ran
        // (the engine had its result), and writing anything now would put an older state, answers or wake time back.
        if (written == StepWrite.Stale) return;
        if (events.Count > 0)
        {
            var due = effects(step.InstanceId, before, after, events).ToList();
            foreach (var effect in due.OrderBy(e => Handler(e).IsIdempotent ? 0 : 1))
                await Handler(effect).HandleAsync(log.Workflow, step.InstanceId, effect, cancellationToken);
        }
        if (step is { Sleeps: true, WakeAt: { } wakeAt }) await wakes.SetAsync(log.Workflow, step.InstanceId, wakeAt, cancellationToken);
        // Answered only now: whoever waits on the command is told once its effects (the tool registered, the mail sent) are done.
        if (events.Count > 0 && answering) await log.SetAnswersAsync(step.InstanceId, step.Version, step.Answers, cancellationToken);
        signals.Recorded(step.InstanceId, new RecordedStep(WorkflowAnswers.Parse(step.Answers), step.Version, after, events));
    }

    private IEffectHandler Handler(PendingEffect effect) =>
        _handlers.TryGetValue(effect.Kind, out var handler) ? handler : throw new InvalidOperationException($"No handler for effects of kind '{effect.Kind}'.");
}

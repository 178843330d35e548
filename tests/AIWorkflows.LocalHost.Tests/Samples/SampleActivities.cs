using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.LocalHost.Tests.Samples;

public static class SampleActivities
{
    [Function(nameof(MailReviewer))]
    public static string MailReviewer([ActivityTrigger] SampleRequest request, FunctionContext context) =>
        $"{context.FunctionDefinition.Name} to {request.Reviewer}";

    [Function(nameof(RefuseReview))]
    public static Task RefuseReview([ActivityTrigger] string reason) => throw new InvalidOperationException(reason);
}

/// <summary>An instance activity: created per invocation, its ledger injected by its constructor.</summary>
public sealed class SampleRecorder
{
    private readonly SampleLedger _ledger;

    public SampleRecorder(SampleLedger ledger)
    {
        _ledger = ledger;
        ledger.Constructed(nameof(SampleRecorder));
    }

    [Function(nameof(RecordOutcome))]
    public async Task<int> RecordOutcome([ActivityTrigger] SampleOutcome outcome, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return _ledger.Record(outcome);
    }
}

/// <summary>What the sample functions did, for the tests to read (a singleton in the host's container).</summary>
public sealed class SampleLedger
{
    private readonly ConcurrentQueue<SampleOutcome> _outcomes = new();
    private readonly ConcurrentQueue<(string Function, TimerInfo Timer)> _ticks = new();
    private readonly ConcurrentQueue<string> _constructed = new();

    private int _slowSteps;

    public IReadOnlyCollection<string> Constructions => _constructed;

    /// <summary>How many times <see cref="SampleSlowStep.SlowStep"/> has started.</summary>
    public int SlowSteps => Volatile.Read(ref _slowSteps);

    public int SlowStepStarted() => Interlocked.Increment(ref _slowSteps);

    public void Constructed(string type) => _constructed.Enqueue(type);

    public IReadOnlyCollection<SampleOutcome> Outcomes => _outcomes;

    public IReadOnlyCollection<(string Function, TimerInfo Timer)> Ticks => _ticks;

    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _recordedAt = new();

    public int Record(SampleOutcome outcome)
    {
        _outcomes.Enqueue(outcome);
        RecordedAt(outcome.RequestId).TrySetResult(System.Diagnostics.Stopwatch.GetTimestamp());
        return _outcomes.Count;
    }

    /// <summary>Completes with the <see cref="System.Diagnostics.Stopwatch"/> timestamp at which a request's outcome was recorded.</summary>
    public TaskCompletionSource<long> RecordedAt(string requestId) =>
        _recordedAt.GetOrAdd(requestId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Tick(string function, TimerInfo timer) => _ticks.Enqueue((function, timer));

    private int _running;
    private int _mostRunning;
    private volatile TaskCompletionSource? _hold;

    /// <summary>The most runs of a function that were under way at one time.</summary>
    public int MostRunningAtOnce => Volatile.Read(ref _mostRunning);

    public IDisposable Enter()
    {
        var running = Interlocked.Increment(ref _running);
        int most;
        while (running > (most = Volatile.Read(ref _mostRunning)) && Interlocked.CompareExchange(ref _mostRunning, running, most) != most)
        {
        }
        return new Exit(this);
    }

    /// <summary>Holds every run that calls <see cref="HoldAsync"/> until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public Task HoldAsync(CancellationToken cancellationToken) => _hold?.Task.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    private sealed class Exit(SampleLedger ledger) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref ledger._running);
    }
}

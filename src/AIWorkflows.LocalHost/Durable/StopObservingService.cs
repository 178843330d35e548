using System.Collections.Concurrent;
using DurableTask.Core;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// Hands the backend to the sidecar's dispatchers and tells when they have started and stopped it. The
/// sidecar starts and stops its dispatchers from <c>async void</c> handlers of its host's lifetime
/// events, so nothing else can await the stop, which is where the backend releases its partition
/// leases (a next host on the same hub otherwise waits out the lease interval).
/// </summary>
/// <remarks>
/// It also renews the lock of each activity while it runs, every <paramref name="renewActivitiesEvery"/>:
/// the sidecar's dispatcher never does (the Functions host's does), so an activity running longer than
/// the work-item queue's visibility timeout (a step that waits on the workflow it hands over to) became
/// visible again and ran a second time beside the first, and both sent the step's mail.
/// </remarks>
internal sealed class StopObservingService(IOrchestrationService inner, TimeSpan renewActivitiesEvery) : IOrchestrationService
{
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<TaskActivityWorkItem, (CancellationTokenSource Stop, Task Loop)> _renewing = new(ReferenceEqualityComparer.Instance);
    private int _started;

    public bool Started => Volatile.Read(ref _started) == 1;

    public Task Stopped => _stopped.Task;

    public async Task StartAsync()
    {
        await inner.StartAsync();
        Volatile.Write(ref _started, 1);
    }

    public Task StopAsync() => StopAsync(isForced: false);

    public async Task StopAsync(bool isForced)
    {
        try
        {
            await inner.StopAsync(isForced);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The sidecar calls this from an async void stopping handler, where a throw ends the process;
            // a backend that fails to stop (seen: a NullReferenceException when stopped twice) is stopped enough.
            _ = e;
        }
        _stopped.TrySetResult();
    }

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    public Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState) =>
        inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            var stop = new CancellationTokenSource();
            _renewing[workItem] = (stop, RenewUntilDoneAsync(workItem, stop.Token));
        }
        return workItem!;
    }

    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await StopRenewingAsync(workItem);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await StopRenewingAsync(workItem);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    private async Task RenewUntilDoneAsync(TaskActivityWorkItem workItem, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(renewActivitiesEvery, done);
                await inner.RenewTaskActivityWorkItemLockAsync(workItem);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // Completed or abandoned.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A renewal that fails (storage away) leaves the message to reappear after its timeout, as without renewal.
            _ = e;
        }
    }

    // A renewal changes the message's pop receipt, which the completion deletes it with: none may run during it.
    private async Task StopRenewingAsync(TaskActivityWorkItem workItem)
    {
        if (!_renewing.TryRemove(workItem, out var renewing)) return;
        await renewing.Stop.CancelAsync();
        await renewing.Loop;
        renewing.Stop.Dispose();
    }
}

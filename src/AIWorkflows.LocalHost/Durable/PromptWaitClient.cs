using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// The backend as the sidecar's client API sees it, except that waiting for an instance to finish
/// (<c>DurableTaskClient.WaitForInstanceCompletionAsync</c>) looks at its status every
/// <paramref name="pollingInterval"/> instead of the backend's fixed 2 s, which added up to 2 s to
/// every wait in a test or a local journey.
/// </summary>
internal sealed class PromptWaitClient<TBackend>(TBackend backend, TimeSpan pollingInterval)
    : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    where TBackend : IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    public async Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan) deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var state = await backend.GetOrchestrationStateAsync(instanceId, executionId);
                if (state?.OrchestrationStatus is OrchestrationStatus.Completed or OrchestrationStatus.Failed
                    or OrchestrationStatus.Terminated or OrchestrationStatus.Canceled)
                {
                    // Once more through the backend, which also fetches inputs and outputs kept as blobs.
                    return await backend.WaitForOrchestrationAsync(instanceId, executionId, TimeSpan.Zero, cancellationToken);
                }
                await Task.Delay(pollingInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null!;
        }
    }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) => backend.CreateTaskOrchestrationAsync(creationMessage);

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses) =>
        backend.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) => backend.SendTaskOrchestrationMessageAsync(message);

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages) => backend.SendTaskOrchestrationMessageBatchAsync(messages);

    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => backend.ForceTerminateTaskOrchestrationAsync(instanceId, reason);

    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) =>
        backend.GetOrchestrationStateAsync(instanceId, allExecutions);

    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) =>
        backend.GetOrchestrationStateAsync(instanceId, executionId);

    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => backend.GetOrchestrationHistoryAsync(instanceId, executionId);

    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) =>
        backend.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);

    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) =>
        backend.GetOrchestrationWithQueryAsync(query, cancellationToken);

    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => backend.PurgeInstanceStateAsync(instanceId);

    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => backend.PurgeInstanceStateAsync(purgeInstanceFilter);
}

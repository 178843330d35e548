using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AIWorkflows.LocalHost.Tests.Samples;

public sealed record SampleRequest(string Id, string Reviewer, int DeadlineSeconds);

public sealed record SampleDecision(string Verdict);

public sealed record SampleOutcome(string RequestId, string Verdict);

/// <summary>A review: mail the reviewer, wait for a decision or the deadline (a durable timer), record the outcome.</summary>
public static class SampleApproval
{
    public const string DecisionMade = nameof(DecisionMade);

    [Function(nameof(SampleApprovalOrchestration))]
    public static async Task<string> SampleApprovalOrchestration([OrchestrationTrigger] TaskOrchestrationContext ctx)
    {
        var request = ctx.GetInput<SampleRequest>()!;
        var mailed = await ctx.CallActivityAsync<string>(nameof(SampleActivities.MailReviewer), request);
        ctx.SetCustomStatus("waiting");

        using var cancel = new CancellationTokenSource();
        var decision = ctx.WaitForExternalEvent<SampleDecision>(DecisionMade, cancel.Token);
        var deadline = ctx.CreateTimer(TimeSpan.FromSeconds(request.DeadlineSeconds), cancel.Token);
        var verdict = await Task.WhenAny(decision, deadline) == decision ? decision.Result.Verdict : "expired";
        cancel.Cancel();

        var record = await ctx.CallActivityAsync<int>(nameof(SampleRecorder.RecordOutcome), new SampleOutcome(request.Id, verdict));
        return $"{mailed}; {verdict}; record {record}";
    }

    /// <summary>Calls an activity that throws: the orchestrator sees a TaskFailedException and, here, fails too.</summary>
    [Function(nameof(SampleFailing))]
    public static async Task SampleFailing([OrchestrationTrigger] TaskOrchestrationContext ctx)
    {
        try
        {
            await ctx.CallActivityAsync(nameof(SampleActivities.RefuseReview), ctx.GetInput<string>());
        }
        catch (TaskFailedException e) when (e.FailureDetails.IsCausedBy<InvalidOperationException>())
        {
            throw new InvalidOperationException($"review failed: {e.FailureDetails.ErrorMessage}");
        }
    }

    /// <summary>Returns its input: the orchestrator shape <c>T</c> with no awaits.</summary>
    [Function(nameof(SampleEcho))]
    public static string? SampleEcho([OrchestrationTrigger] TaskOrchestrationContext ctx) => ctx.GetInput<string>();
}

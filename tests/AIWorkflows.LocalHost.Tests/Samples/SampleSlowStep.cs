using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace AIWorkflows.LocalHost.Tests.Samples;

/// <summary>An orchestration whose one activity runs longer than the work-item queue's visibility timeout.</summary>
public static class SampleSlowStep
{
    [Function(nameof(SlowStepOrchestration))]
    public static Task<int> SlowStepOrchestration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<int>(nameof(SlowStep), context.GetInput<int>());

    [Function(nameof(SlowStep))]
    public static async Task<int> SlowStep([ActivityTrigger] int seconds, FunctionContext context)
    {
        var ledger = (SampleLedger)context.InstanceServices.GetService(typeof(SampleLedger))!;
        var run = ledger.SlowStepStarted();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return run;
    }
}

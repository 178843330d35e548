using AIWorkflows.LocalHost.Durable;
using AIWorkflows.LocalHost.Tests.Samples;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AIWorkflows.LocalHost.Tests.Durable;

public sealed class DurableFunctionsTests
{
    [Fact]
    public void Scanning_finds_exactly_the_orchestrator_and_activity_functions_by_their_attributes()
    {
        var functions = DurableFunctions.Scan(typeof(SampleApproval).Assembly);

        Assert.Equal(
            [nameof(SampleApproval.SampleApprovalOrchestration), nameof(SampleApproval.SampleEcho), nameof(SampleApproval.SampleFailing),
                nameof(SampleSlowStep.SlowStepOrchestration)],
            functions.Orchestrators.Select(f => f.Name).Order());
        // Not the timer function, nor the methods without [Function] that the unit tests call.
        Assert.Equal(
            [nameof(SampleActivities.MailReviewer), nameof(SampleRecorder.RecordOutcome), nameof(SampleActivities.RefuseReview), nameof(SampleSlowStep.SlowStep)],
            functions.Activities.Select(f => f.Name).Order());
    }

    [Fact]
    public void Each_function_is_registered_under_its_function_name()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<SampleLedger>().BuildServiceProvider();
        var registry = new DurableTaskRegistry();

        DurableFunctions.Scan(typeof(SampleApproval).Assembly).Register(registry, services);

        Assert.Equal(
            [nameof(SampleApproval.SampleApprovalOrchestration), nameof(SampleApproval.SampleEcho), nameof(SampleApproval.SampleFailing),
                nameof(SampleSlowStep.SlowStepOrchestration)],
            registry.GetOrchestrators().Select(o => o.Key.Name).Order());
        var activities = registry.GetActivities().ToDictionary(a => a.Key.Name, a => a.Value);
        Assert.Equal(
            [nameof(SampleActivities.MailReviewer), nameof(SampleRecorder.RecordOutcome), nameof(SampleActivities.RefuseReview), nameof(SampleSlowStep.SlowStep)],
            activities.Keys.Order());
        // The worker deserializes an activity's input to the trigger parameter's type.
        Assert.Equal(typeof(SampleOutcome), activities[nameof(SampleRecorder.RecordOutcome)](services).InputType);
        Assert.Equal(typeof(int), activities[nameof(SampleRecorder.RecordOutcome)](services).OutputType);
    }
}

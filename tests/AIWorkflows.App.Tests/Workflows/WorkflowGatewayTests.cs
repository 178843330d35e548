using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.Workflows;
using AIWorkflows.Domain.Deciding;
using AIWorkflows.Domain.ToolApprovals;
using AIWorkflows.Storage;
using AIWorkflows.Storage.Counting;
using AIWorkflows.Storage.Deciding;
using AIWorkflows.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// The gateway against a real read model on Azurite; the engine's client is the seam, mocked so a test can
/// hold an instance in the state a crash leaves it in (created, its first step not yet run).
/// </summary>
[Collection(OnAzurite.Name)]
public sealed class WorkflowGatewayTests(AzuriteFixture azurite)
{
    private static ToolRequestForm Form() => new(
        "CaseNotes Assistant", "Acme AI", "Utilities", "pat.lee@cityofsacramento.example", "Summarize case notes.", "A supervisor reads each.",
        ["internal"], PublicFacing: false, GenerativeAi: false, AffectsWorkingConditions: false, Impersonation: false, LawEnforcement: false,
        DecisionImpact: "assistive", Stage: "pilot", AffectedClassifications: [], Answers: AppClient.SacramentoAnswers());

    [Fact]
    public async Task ARetriedStart_OfAnInstanceCreatedButNotYetRun_WaitsForItsFirstStep_InsteadOfStartingItAgain()
    {
        var clients = new StorageClients(azurite.NewStorageOptions(), new StorageTransactionCounter());
        await clients.Table(StorageTables.Workflows).CreateIfNotExistsAsync();
        var rules = ToolApprovalOrchestration.Rules;
        var log = new WorkflowLog<ToolApproval, ToolApprovalEvent>(clients, rules.Name, WorkflowJson.Options);
        var pack = PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento");
        var gateway = new WorkflowGateway<ToolApprovalCommand, ToolApproval, ToolApprovalEvent>(rules, log, new PolicyPackVersions(pack, clients), TimeProvider.System, new StepSignals());

        // The engine holds the instance as the dead process left it: created, pending.
        var engine = new Mock<DurableTaskClient>("engine") { CallBase = true };
        engine.Setup(c => c.GetInstancesAsync("req-retried", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(rules.Orchestration, "req-retried") { RuntimeStatus = OrchestrationRuntimeStatus.Pending });

        var submit = new ToolApprovalCommand.Submit("req-retried", "tool-retried", Form(), DateTimeOffset.UtcNow);
        var retried = gateway.StartAsync(engine.Object, "req-retried", submit, mayExist: true, CancellationToken.None);

        // The first (and only) start's first step is recorded by its own orchestration a moment later.
        await Task.Delay(600);
        Assert.False(retried.IsCompleted);
        var decider = rules.Decider(pack);
        var events = decider.Decide(submit, decider.Initial);
        var state = events.Aggregate(decider.Initial, decider.Evolve);
        await log.AppendAsync("req-retried", state, events.Count, events.Select((e, i) => new StoredEvent<ToolApprovalEvent>(i + 1, submit.Now, e)).ToList(),
            "first:0:" + events.Count, submit.Now, CancellationToken.None);

        var decision = await retried;
        Assert.IsType<ToolApproval.InReview>(decision.State);
        Assert.Empty(decision.NewEvents);
        engine.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }
}

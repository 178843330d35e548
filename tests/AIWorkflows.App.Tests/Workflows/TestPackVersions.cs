using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.Workflows;

namespace AIWorkflows.App.Tests.Workflows;

/// <summary>
/// The pack versions an orchestrator under test is built with: Sacramento's, from the repository and no storage.
/// Starts that carry their pack inline (<see cref="WorkflowStart.Pack"/>, as recorded histories do) never ask them.
/// </summary>
internal static class TestPackVersions
{
    public static PolicyPackVersions Sacramento { get; } = new(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento"), storage: null);
}

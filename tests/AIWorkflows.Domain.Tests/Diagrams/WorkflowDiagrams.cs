namespace AIWorkflows.Domain.Tests.Diagrams;

/// <summary>Every workflow decider in the domain and its diagram; a new decider belongs here.</summary>
internal static class WorkflowDiagrams
{
    public static IReadOnlyList<WorkflowDiagram> All { get; } =
    [
        ToolApprovalCatalog.Diagram,
        ToolLifecycleCatalog.Diagram,
        UnionNoticeCatalog.Diagram,
        RecordRetentionCatalog.Diagram,
        AccessGrantCatalog.Diagram,
    ];

    public static WorkflowDiagram Get(string slug) => All.Single(w => w.Slug == slug);
}

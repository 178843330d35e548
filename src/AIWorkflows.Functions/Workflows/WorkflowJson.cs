using System.Text.Json;

namespace AIWorkflows.App.Workflows;

/// <summary>How workflow states, events and timer commands are stored: the one set of options for all stores.</summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

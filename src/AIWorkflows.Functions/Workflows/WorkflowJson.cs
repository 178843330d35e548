using System.Text.Encodings.Web;
using System.Text.Json;

namespace AIWorkflows.App.Workflows;

/// <summary>How workflow states, events and timer commands are stored: the one set of options for all stores.</summary>
public static class WorkflowJson
{
    // Stored and sent between activities, never written into a page or script, so text is kept as it is:
    // the default escaping turns each non-ASCII character into six (a hold reason in Spanish or Chinese
    // grew a state row six-fold toward Table storage's limits).
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

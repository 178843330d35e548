using System.Text.Encodings.Web;
using System.Text.Json;

namespace AIWorkflows.Storage.Tables;

/// <summary>JSON kept in table properties: text as it is, since the default escaping turns each non-ASCII character into six.</summary>
public static class StoredJson
{
    // Read back by this code only, never written into a page or script.
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

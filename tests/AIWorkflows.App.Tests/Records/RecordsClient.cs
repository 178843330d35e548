using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.Records;

/// <summary>A records officer (or someone else) at the records API, and records kept the way workflows keep them.</summary>
internal static class RecordsClient
{
    public const string Officer = "rita.records@cityofsacramento.example";

    public static HttpClient As(this AIWorkflowsApp app, string email, params string[] roles)
    {
        var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", $"{email}; {string.Join(",", roles)}");
        return http;
    }

    public static HttpClient RecordsOfficer(this AIWorkflowsApp app) => app.As(Officer, "records_officer");

    /// <summary>An incident report kept through the archive every workflow uses (Sacramento: 5 years from creation).</summary>
    public static Task<RecordEntry> KeepIncidentAsync(this AIWorkflowsApp app, string toolId = "tool-casenotes", string name = "incident-1", string text = "The assistant summarized the wrong case.") =>
        app.Services.GetRequiredService<IRecordArchive>().ArchiveAsync(new NewRecord(
            $"{toolId}.{name}", "incident", $"Incident report: {text}", toolId, "req-0123456789abcdef", "Utilities", app.Clock.GetUtcNow(),
            "created", null, [new Rendition("json", "application/json", Encoding.UTF8.GetBytes($"{{\"description\":\"{text}\"}}"))]), default);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<JsonArray> AccessLogAsync(this AIWorkflowsApp app)
    {
        using var http = app.RecordsOfficer();
        var from = app.Clock.GetUtcNow().AddYears(-20).ToString("O");
        var to = app.Clock.GetUtcNow().AddMinutes(1).ToString("O");
        return JsonNode.Parse(await http.GetStringAsync($"/api/records/access-log?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&take=1000"))!.AsArray();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, object body) => http.PostAsJsonAsync(path, body);

    public static string Path(string recordId, string rest = "") => $"/api/records/{Uri.EscapeDataString(recordId)}{rest}";
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AIWorkflows.App.Reassessments;
using AIWorkflows.Domain.Reassessments;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.Testing.AccessGrants;

/// <summary>What employees, administrators and the AI officer do over HTTP for access to tools (Sacramento pack).</summary>
public static class AccessClient
{
    public const string Employee = "sam.ortiz@cityofsacramento.example";
    public const string Director = "director.utilities@cityofsacramento.example";
    public const string Admin = "lee.admin@cityofsacramento.example; admin";
    public const string Officer = "aio@cityofsacramento.example; ai_officer";

    /// <summary>A tool in the register whose first re-assessment is years away, so a long clock run meets only the grant's own deadlines.</summary>
    public static async Task<string> RegisterToolAsync(AIWorkflowsApp app, string toolId = "tool-minutes-drafter")
    {
        var profile = new ToolProfile(toolId, null, "Minutes Drafter", "Acme AI", "Utilities", "Drafts meeting minutes from notes.",
            "The clerk edits every draft.", ["internal"], false, true, "assistive", "production", "low", "clerk@cityofsacramento.example",
            [], [], "test", null);
        Assert.True(await app.Services.GetRequiredService<ToolLifecycleService>().RegisterAsync(profile, AIWorkflowsApp.Start.AddYears(5), default));
        return toolId;
    }

    public static HttpClient As(this AIWorkflowsApp app, string devUser)
    {
        var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", devUser);
        return http;
    }

    public static async Task<HttpResponseMessage> PostRequestAsync(this HttpClient http, string toolId, string employee = Employee, string department = "Utilities") =>
        await http.PostAsJsonAsync("/api/access-requests", new { toolId, employeeEmail = employee, department });

    public static async Task<JsonObject> RequestAccessAsync(this HttpClient http, string toolId, string employee = Employee, string department = "Utilities")
    {
        using var response = await http.PostRequestAsync(toolId, employee, department);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<HttpResponseMessage> PostCsvAsync(this HttpClient http, string csv) =>
        await http.PostAsync("/api/training-completions/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static async Task<JsonObject> ImportAsync(this HttpClient admin, string csv)
    {
        using var response = await admin.PostCsvAsync(csv);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<JsonArray> GrantsAsync(this HttpClient officer, string query)
    {
        var list = JsonNode.Parse(await officer.GetStringAsync($"/api/access-grants?{query}"))!.AsObject();
        return list["grants"]!.AsArray();
    }

    public static IReadOnlyList<string> Strings(this JsonNode? node) => [.. node!.AsArray().Select(n => (string)n!)];

    public static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Mail;

namespace AIWorkflows.Testing;

/// <summary>What a person or another system does over HTTP: submit, read mail, follow links, decide, sweep.</summary>
public static class AppClient
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object HighRiskRequest(string requester = "pat.lee@cityofsacramento.example") => new
    {
        toolName = "CaseNotes Assistant",
        vendor = "Acme AI",
        department = "Utilities",
        requesterEmail = requester,
        purpose = "Summarize customer service case notes for supervisors.",
        humanOversight = "A supervisor reads every summary against the case before any action.",
        dataCategories = new[] { "pii", "internal" },
        publicFacing = false,
        generativeAi = true,
        affectsWorkingConditions = false,
        impersonation = false,
        lawEnforcement = false,
        decisionImpact = "assistive",
        stage = "pilot",
        answers = SacramentoAnswers(),
    };

    /// <summary>
    /// Sacramento's own questions answered for a tool that raises none of them: some are required and
    /// others count a blank as the riskier answer (issue 17). The safeguards question is left blank, as
    /// it may be: it matters only for information not available to the public.
    /// </summary>
    public static Dictionary<string, string> SacramentoAnswers() => new()
    {
        ["non_public_data"] = "false",
        ["publicly_available_system"] = "false",
        ["procurement_path"] = "existing_contract",
        ["job_interview_assistance"] = "false",
        ["law_enforcement_decision_basis"] = "false",
    };

    public static async Task<JsonObject> SubmitAsync(this HttpClient http, object body, string? idempotencyKey = null)
    {
        using var response = await http.PostRequestAsync(body, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// POSTs <paramref name="body"/> to <c>/api/requests</c>. Submission needs a signed-in city identity: a client that
    /// is not signed in sends it as the body's requester (Development's <c>X-Dev-User</c>), as that person would.
    /// </summary>
    public static async Task<HttpResponseMessage> PostRequestAsync(this HttpClient http, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(body, options: Json) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.AsRequesterOf(http, body);
        return await http.SendAsync(request);
    }

    /// <summary>Signs <paramref name="request"/> in as the requester <paramref name="body"/> names, unless <paramref name="http"/> is signed in already.</summary>
    public static HttpRequestMessage AsRequesterOf(this HttpRequestMessage request, HttpClient http, object body)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (http.DefaultRequestHeaders.Contains("X-Dev-User") || http.DefaultRequestHeaders.Contains("X-MS-CLIENT-PRINCIPAL")) return request;
        var named = JsonSerializer.SerializeToNode(body, Json)?["requesterEmail"] is JsonValue v && v.TryGetValue<string>(out var email) ? email : null;
        request.Headers.Add("X-Dev-User", string.IsNullOrWhiteSpace(named) || named.Contains(';', StringComparison.Ordinal) ? Staff : named.Trim());
        return request;
    }

    /// <summary>A city employee who sends requests in the tests.</summary>
    public const string Staff = "pat.lee@cityofsacramento.example";

    /// <param name="asUser">An <c>X-Dev-User</c> value to read it as; anonymous when null (reviewers then appear by role, issue 17 §4).</param>
    public static async Task<JsonObject> GetRequestAsync(this HttpClient http, string id, string? asUser = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/requests/{id}");
        if (asUser is not null) request.Headers.Add("X-Dev-User", asUser);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>A city staff member in a reviewing role, who sees reviewers by name.</summary>
    public const string Officer = "aio@cityofsacramento.example; ai_officer";

    public static async Task<IReadOnlyList<MailMessage>> MailAsync(this HttpClient http) =>
        (await http.GetFromJsonAsync<List<MailMessage>>("/api/dev/mail?take=500", Json))!;

    public static async Task<MailMessage> SingleMailAsync(this HttpClient http, string to, string subjectContains)
    {
        var mails = (await http.MailAsync()).Where(m => m.To == to && m.Subject.Contains(subjectContains, StringComparison.Ordinal)).ToList();
        return Assert.Single(mails);
    }

    /// <summary>The path of the link in a mail whose URL contains <paramref name="pathPart"/>.</summary>
    public static string LinkPath(this MailMessage mail, string pathPart) =>
        new Uri(Assert.Single(mail.Links, l => l.Url.Contains(pathPart, StringComparison.Ordinal)).Url).PathAndQuery;

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient http, string path, params (string Key, string Value)[] fields) =>
        await http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    /// <summary>Submits <paramref name="body"/> and approves it through every emailed task link; returns the request.</summary>
    public static async Task<JsonObject> ApproveAsync(this HttpClient http, object body)
    {
        // Mail already sent belongs to earlier requests: their task links are not this request's.
        var decided = (await http.MailAsync()).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var created = await http.SubmitAsync(body);
        var id = (string)created["id"]!;
        for (var round = 0; round < 5; round++)
        {
            var open = (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal) && decided.Add(m.Id)).ToList();
            if (open.Count == 0) break;
            foreach (var mail in open)
            {
                using var r = await http.PostFormAsync(mail.LinkPath("/tasks/"), ("decision", "approve"), ("comments", "ok"));
                Assert.Equal(System.Net.HttpStatusCode.OK, r.StatusCode);
            }
        }
        var approved = await http.GetRequestAsync(id);
        Assert.Equal("approved", (string)approved["status"]!);
        return approved;
    }

    public static async Task<JsonObject> SweepAsync(this HttpClient http)
    {
        using var response = await http.PostAsync("/api/dev/sweep", null);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}

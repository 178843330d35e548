using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AIWorkflows.Testing.UnionNotices;

/// <summary>What requesters, organizations and labor relations do over HTTP in the union-notice journeys.</summary>
public static partial class UnionClient
{
    public const string Requester = "pat.lee@cityofsacramento.example";
    public const string LaborRelations = "laborrelations@cityofsacramento.example";
    public const string LaborUser = LaborRelations + "; labor_relations";
    public const string Scxea = "notices@scxea.example";
    public const string Local39 = "notices@local39.example";

    /// <summary>A medium-risk tool that changes the work of analysts (Local 39) and program managers (SCXEA).</summary>
    public static object AffectingRequest(string[] classifications, string? emergency = null) => new
    {
        toolName = "Permit Triage Assistant",
        vendor = "Acme AI",
        department = "Utilities",
        requesterEmail = Requester,
        purpose = "Sort incoming permit applications and draft acknowledgement letters for analysts.",
        humanOversight = "An analyst reads every draft before it is sent.",
        dataCategories = new[] { "internal" },
        publicFacing = false,
        generativeAi = true,
        affectsWorkingConditions = true,
        impersonation = false,
        lawEnforcement = false,
        decisionImpact = "assistive",
        stage = "production",
        affectedClassifications = classifications,
        plannedGoLive = "2027-01-15",
        emergencyAdoption = emergency is not null,
        emergencyJustification = emergency,
        answers = AppClient.SacramentoAnswers(),
    };

    /// <summary>Submits and approves through every emailed task link; returns the request as it then stands.</summary>
    public static async Task<JsonObject> ApproveByEveryReviewerAsync(this HttpClient http, object body)
    {
        var id = (string)(await http.SubmitAsync(body))["id"]!;
        var decided = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 5; round++)
        {
            var open = (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal) && decided.Add(m.Id)).ToList();
            if (open.Count == 0) break;
            foreach (var mail in open)
            {
                using var r = await http.PostFormAsync(mail.LinkPath("/tasks/"), ("decision", "approve"), ("comments", "ok"));
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            }
        }
        return await http.GetRequestAsync(id);
    }

    public static JsonObject Organization(JsonObject request, string id) =>
        request["union"]!["organizations"]!.AsArray().Single(o => (string)o!["id"]! == id)!.AsObject();

    public static async Task<HttpResponseMessage> AnswerAsync(this HttpClient http, string linkPath, string answer, string name = "Sam Steward") =>
        await http.PostFormAsync(linkPath, ("answer", answer), ("name", name), ("comments", "Workload and monitoring of staff"));

    public static async Task<HttpResponseMessage> GetAsUserAsync(this HttpClient http, string path, string? user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user is not null) request.Headers.Add("X-Dev-User", user);
        return await http.SendAsync(request);
    }

    /// <summary>GETs the case page (antiforgery cookie and token), then posts one of its forms as labor relations, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostCaseFormAsync(
        this HttpClient http, string noticeId, string handler, (string Key, string Value)[] fields, (string FileName, byte[] Bytes)? minutes = null)
    {
        var path = $"/union-cases/{noticeId}";
        using var page = await http.GetAsUserAsync(path, LaborUser);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenInput().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {path} ({(int)page.StatusCode}).");
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];

        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields) content.Add(new StringContent(value), key);
        content.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        if (minutes is { } file)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, "minutes", file.FileName);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?handler={handler}") { Content = content };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("X-Dev-User", LaborUser);
        return await http.SendAsync(request);
    }

    public static byte[] MinutesPdf(string text) =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% Meet-and-confer minutes\n({text})\n%%EOF\n");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

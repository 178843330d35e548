using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.App.Tests.Policy;
using AIWorkflows.App.Tests.Records;
using AIWorkflows.App.ToolApprovals.Pages;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>
/// Issue 17 at intake: a required pack question left blank is a field error, a blank that counts as the
/// riskier answer is shown to reviewers and kept in the decision record, and the screening rules refuse.
/// </summary>
[Collection(OnAzurite.Name)]
public class PackQuestionIntakeTests(AzuriteFixture azurite)
{
    private static JsonObject Body(object o) => System.Text.Json.JsonSerializer.SerializeToNode(o, AppClient.Json)!.AsObject();

    private static JsonObject Without(string answer)
    {
        var body = Body(AppClient.HighRiskRequest());
        body["answers"]!.AsObject().Remove(answer);
        return body;
    }

    // Requests are sent by a signed-in city identity (issue 19).
    private static HttpClient SignedIn(AIWorkflowsApp app)
    {
        var http = app.Http();
        http.DefaultRequestHeaders.Add("X-Dev-User", AppClient.Staff);
        return http;
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient http, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync("/api/requests", body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task ARequiredQuestionLeftBlank_IsA400ProblemKeyedByTheAnswer_AndTheFormShowsItAtTheField()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = SignedIn(app);

        var (status, problem) = await PostAsync(http, Without("job_interview_assistance"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = (string)problem["errors"]!["answers.job_interview_assistance"]![0]!;
        Assert.Equal("Answer this question: Sacramento's policy needs the answer to screen every request (Sacramento VII.C).", message);

        var fields = AppClient.SacramentoAnswers().Where(a => a.Key != "job_interview_assistance").Select(a => ($"answers.{a.Key}", a.Value)).ToArray();
        using var page = await http.SubmitFormAsync("/requests/new", "/requests/new", [("toolName", "X"), .. fields]);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var target = NewRequestForm.Target(PolicyPackLoader.Load(PackFolder.RepoWorkflows, "sacramento"), "answers.job_interview_assistance");
        Assert.Contains($"href=\"#{target}\"", html, StringComparison.Ordinal);
        Assert.Contains("Answer this question: Sacramento's policy needs the answer", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABlankPubliclyAvailableAnswer_CountsAsYes_ReviewersSeeIt_AndTheCioDecidesAsTheDecisionRecordShows()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = SignedIn(app);

        var approved = await http.ApproveAsync(Without("publicly_available_system"));

        var reason = approved["riskReasons"]!.AsArray().Single(r => (string)r!["ruleId"]! == "publicly_available_system")!;
        Assert.Equal(("publicly_available_system", "true"), ((string)reason["assumed"]![0]!["questionId"]!, (string)reason["assumed"]![0]!["countedAs"]!));
        Assert.Equal("cio", (string)reason["reviews"]![0]!["role"]!);
        Assert.Contains(approved["reviews"]!.AsArray(), r => (string)r!["role"]! == "cio" && (string)r["decision"]! == "approve");
        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/requests/{(string)approved["id"]!}"));
        Assert.Contains("Not answered: “Is this a publicly available AI or GenAI service", page, StringComparison.Ordinal);
        Assert.Contains("Adds a review by Chief Information Officer (CIO).", page, StringComparison.Ordinal);

        using var officer = app.RecordsOfficer();
        var record = JsonNode.Parse(await officer.GetStringAsync($"/api/records?toolId={(string)approved["toolId"]!}&recordClass=decision_record"))!.AsArray().Single()!;
        var json = JsonNode.Parse(await officer.GetStringAsync(RecordsClient.Path((string)record["id"]!, "/content")))!;
        var recorded = json["tierReasons"]!.AsArray().Single(r => (string)r!["ruleId"]! == "publicly_available_system")!;
        Assert.Equal(("true", "cio"), ((string)recorded["assumed"]![0]!["countedAs"]!, (string)recorded["reviews"]![0]!["role"]!));
        Assert.Contains(json["reviews"]!.AsArray(), r => (string)r!["role"]! == "cio" && (string)r["decision"]! == "approve");
        Assert.Contains(json["clausesApplied"]!.AsArray(), c => ((string)c!).StartsWith("Sacramento VII.E (after the AI Review", StringComparison.Ordinal));
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync(RecordsClient.Path((string)record["id"]!, "/content?format=html")));
        Assert.Contains("Adds a review by cio.", html, StringComparison.Ordinal);
        Assert.Contains("counted as yes.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewPurchase_AddsAProcurementReviewAfterTheAiReview_WhosePageListsWhatItConfirms()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = SignedIn(app);
        var body = Body(AppClient.HighRiskRequest());
        body["answers"]!["procurement_path"] = "new_purchase";
        await http.SubmitAsync(body);

        var decided = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 3; round++)
            foreach (var mail in (await http.MailAsync()).Where(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal) && m.To != "procurement@cityofsacramento.example" && decided.Add(m.Id)))
                using (await http.PostFormAsync(mail.LinkPath("/tasks/"), ("decision", "approve"), ("comments", "ok"))) { }

        Assert.Equal(4, decided.Count);
        var task = await http.SingleMailAsync("procurement@cityofsacramento.example", "Decision needed");
        var page = WebUtility.HtmlDecode(await http.GetStringAsync(task.LinkPath("/tasks/")));
        Assert.Contains("What you confirm by approving", page, StringComparison.Ordinal);
        Assert.Contains("The purchase route follows Procurement of Goods for items requiring IT Department review.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AToolToHelpAnswerJobInterviewQuestions_IsRefusedAtIntake_CitingVIIC()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = SignedIn(app);
        var body = Body(AppClient.HighRiskRequest());
        body["answers"]!["job_interview_assistance"] = "true";

        var (status, problem) = await PostAsync(http, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("(Sacramento VII.C)", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty(await http.MailAsync());
    }

    [Fact]
    public async Task Albuquerque_AProductionRequestLeavingTestingBlank_IsRefused_SayingTheBlankCountedAsNo()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "albuquerque");
        using var http = SignedIn(app);
        var body = Body(AppClient.HighRiskRequest("ana@cabq.example"));
        body["answers"] = new JsonObject();
        body["stage"] = "production";

        var (status, problem) = await PostAsync(http, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("untested_production", (string)problem["prohibitedUses"]![0]!["id"]!);
        Assert.Equal(("tested_before_acquisition", "false"), ((string)problem["notAnswered"]![0]!["questionId"]!, (string)problem["notAnswered"]![0]!["countedAs"]!));
        Assert.Contains("Not answered: “Has the tool been tested before acquisition and use?", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sacramento_TheFormAsksAboutMoreThanADeMinimisImpactOnWorkingConditions()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = SignedIn(app);

        var form = WebUtility.HtmlDecode(await http.GetStringAsync("/requests/new"));

        Assert.Contains("more than a de minimis impact on employees’ working conditions", form, StringComparison.Ordinal);
    }
}

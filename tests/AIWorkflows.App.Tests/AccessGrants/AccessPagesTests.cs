using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using static AIWorkflows.Testing.AccessGrants.AccessClient;

namespace AIWorkflows.App.Tests.AccessGrants;

/// <summary>The forms as a browser uses them: the request form, and the administrators' training page (one completion, a CSV upload).</summary>
[Collection(OnAzurite.Name)]
public partial class AccessPagesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task RequestForm_ShowsErrorsByField_ThenWhatIsStillNeeded()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var toolId = await RegisterToolAsync(app);

        using (var invalid = await PostAsync(http, "/access/new", "/access/new", new FormUrlEncodedContent([new("toolId", toolId), new("employeeEmail", "sam")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            var html = await invalid.Content.ReadAsStringAsync();
            Assert.Contains("href=\"#employeeEmail\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"#department\"", html, StringComparison.Ordinal);
        }
        using var ok = await PostAsync(http, $"/access/new?tool={toolId}", "/access/new",
            new FormUrlEncodedContent([new("toolId", toolId), new("employeeEmail", Employee), new("department", "Utilities")]));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var done = await ok.Content.ReadAsStringAsync();
        Assert.Contains("Request received", done, StringComparison.Ordinal);
        Assert.Contains("course &#x27;AI Policy review in the Learning Management System&#x27; not completed", done, StringComparison.Ordinal);
        await http.SingleMailAsync(Employee, "Your request");
    }

    [Fact]
    public async Task TrainingPage_RecordsACompletion_AndImportsAnUploadedExportWithItsReport()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var admin = app.As(Admin);

        using (var recorded = await PostAsync(admin, "/training", "/training?handler=record",
            new FormUrlEncodedContent([new("employeeEmail", Employee), new("courseId", "ai_policy_lms"), new("completedOn", "2026-11-20")])))
        {
            Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
            Assert.Contains("Recorded: sam.ortiz@cityofsacramento.example completed ai_policy_lms on 2026-11-20", await recorded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv("employee_email,course,completed_on", $"{Employee},genai_authorized_use,2026-11-21", "x,genai_authorized_use,2026-11-21")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        upload.Add(file, "file", "lms-export.csv");
        using var imported = await PostAsync(admin, "/training", "/training?handler=import", upload);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var html = await imported.Content.ReadAsStringAsync();
        Assert.Contains("Import report", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;x&#x27; is not an email address.", html, StringComparison.Ordinal);
    }

    // GETs the page for its antiforgery cookie and token, then posts the form as a browser would.
    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string pagePath, string postPath, HttpContent content)
    {
        using var page = await http.GetAsync(pagePath);
        var token = TokenInput().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {pagePath} ({(int)page.StatusCode}).");
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, postPath) { Content = content };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        return await http.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

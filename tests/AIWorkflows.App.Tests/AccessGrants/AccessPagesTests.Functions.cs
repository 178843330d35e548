using System.Net;
using AIWorkflows.Testing;
using static AIWorkflows.Testing.AccessGrants.AccessClient;

namespace AIWorkflows.App.Tests.AccessGrants;

/// <summary>The pages as functions: what no middleware does for them any more, each function must (antiforgery, link headers).</summary>
public partial class AccessPagesTests
{
    [Fact]
    public async Task TrainingForms_WithoutTheirAntiforgeryToken_OrToAFormThePageHasNot_AreA400Page_AndNothingIsRecorded()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var admin = app.As(Admin);
        var completion = new[] { ("employeeEmail", Employee), ("courseId", "ai_policy_lms"), ("completedOn", "2026-11-20") };

        using var forged = await admin.PostFormAsync("/training?handler=record", completion);
        using var unknown = await PostAsync(admin, "/training", "/training?handler=erase",
            new FormUrlEncodedContent(completion.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (forged.StatusCode, unknown.StatusCode));
        Assert.Contains("This form could not be accepted", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The page has no such form", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Any case of the handler's name, as Razor Pages matched it; and the completion is new, so nothing was recorded before.
        using var recorded = await PostAsync(admin, "/training", "/training?handler=RECORD",
            new FormUrlEncodedContent(completion.Select(f => KeyValuePair.Create(f.Item1, f.Item2))));
        Assert.Contains($"Recorded: {Employee} completed ai_policy_lms on 2026-11-20", await recorded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkPages_KeepTheirTokenFromOtherSites_AndPostBackToTheLinkItself()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        var toolId = await RegisterToolAsync(app);
        await http.RequestAccessAsync(toolId);
        var sign = (await http.SingleMailAsync(Employee, "Your request")).LinkPath("/access/sign/");

        foreach (var path in new[] { sign, "/access/consent/forged" })
        {
            using var page = await http.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal("no-store", page.Headers.CacheControl?.ToString());
            Assert.Equal("no-referrer", string.Join(",", page.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("noindex, nofollow", string.Join(",", page.Headers.GetValues("X-Robots-Tag")));
            Assert.Contains("<meta name=\"referrer\" content=\"no-referrer\">", html, StringComparison.Ordinal);
        }
        using var form = await http.GetAsync(sign);
        Assert.Contains($"<form method=\"post\" action=\"{sign}\" id=\"form-start\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

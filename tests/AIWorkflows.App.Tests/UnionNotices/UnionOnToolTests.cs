using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Testing;
using static AIWorkflows.Testing.UnionNotices.UnionClient;

namespace AIWorkflows.App.Tests.UnionNotices;

/// <summary>Sacramento VI.A.7: a notice or meet-and-confer case on a registered tool that no approval noticed (here, an imported one).</summary>
[Collection(OnAzurite.Name)]
public class UnionOnToolTests(AzuriteFixture azurite)
{
    private static readonly string Imported = FederalMapping.ToolIdFor("DOI", "DOI-0001");

    private static async Task ImportAsync(HttpClient http) => await FederalImportTests.ImportAsync(http, FederalImportTests.Csv(
        ["DOI", "Department of the Interior", "DOI-0001", "Invasive species finder", "USGS", "ai@usgs.example", "No", "Deployed", "Not High-impact", "Science", "Computer Vision", "No", "Finds invasive species in photos."]));

    [Fact]
    public async Task LaborRelations_OpensANoticeOnAnImportedTool_TheOrganizationIsNoticed_AndOthersCannot()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await ImportAsync(http);

        using (var anonymous = await http.PostAsJsonAsync("/api/union-notices", new { toolId = Imported, organizationIds = new[] { "scxea" } }))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var bad = await PostAsLaborAsync(http, new { toolId = "tool-none", organizationIds = new[] { "nobody" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
            var errors = (await bad.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
            Assert.True(errors.ContainsKey("toolId") && errors.ContainsKey("organizationIds"), errors.ToJsonString());
        }
        using var opened = await PostAsLaborAsync(http, new { toolId = Imported, organizationIds = new[] { "scxea" } });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var noticeId = (string)(await opened.Content.ReadFromJsonAsync<JsonObject>())!["noticeId"]!;

        var letter = await http.SingleMailAsync(Scxea, "Notice of new AI technology");
        Assert.Contains("Invasive species finder", letter.Subject, StringComparison.Ordinal);
        using var view = await http.GetAsUserAsync($"/api/union-notices/{noticeId}", LaborUser);
        Assert.Equal("noticed", (string)(await view.Content.ReadFromJsonAsync<JsonObject>())!["organizations"]!.AsArray().Single(o => (string)o!["id"]! == "scxea")!["status"]!);
        using (var again = await PostAsLaborAsync(http, new { toolId = Imported, organizationIds = new[] { "scxea" } }))
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task AnOrganization_AsksOnThePublicPage_ACaseOpensAndLaborRelationsIsMailed_TheToolIsUntouched()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await ImportAsync(http);
        var status = (string)(await http.GetFromJsonAsync<JsonObject>($"/api/inventory/{Imported}"))!["status"]!;

        using (var header = await http.SubmitFormAsync("/union-requests/new", "/union-requests/new", ("toolId", Imported), ("organizationId", "iuoe_local_39"),
            ("email", "steward@local39.example\r\nBcc: victim@example.org"), ("impact", "")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
            var html = await header.Content.ReadAsStringAsync();
            Assert.Contains("id=\"email-error\"", html, StringComparison.Ordinal);
            Assert.Contains("id=\"impact-error\"", html, StringComparison.Ordinal);
        }
        using (var page = await http.SubmitFormAsync("/union-requests/new", "/union-requests/new", ("toolId", Imported), ("organizationId", "iuoe_local_39"),
            ("email", "steward@local39.example"), ("impact", "Plant operators' rounds are now scheduled by the tool.")))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Request received", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var mail = await http.SingleMailAsync(LaborRelations, "requests to meet and confer");
        Assert.Contains("Stationary Engineers, Local 39", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("steward@local39.example", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(status, (string)(await http.GetFromJsonAsync<JsonObject>($"/api/inventory/{Imported}"))!["status"]!);

        // The API: a second organization joins the same case; bad input is a problem+json.
        using (var bad = await http.PostAsJsonAsync("/api/union-requests", new { toolId = Imported, organizationId = "scxea", email = "a@b.example\nBcc: c@d.example", impact = "x" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
        using var joined = await http.PostAsJsonAsync("/api/union-requests", new { toolId = Imported, organizationId = "scxea", email = "rep@scxea.example", impact = "Managers review its output." });
        Assert.Equal(HttpStatusCode.Accepted, joined.StatusCode);
        Assert.Equal("meet_and_confer", (string)(await joined.Content.ReadFromJsonAsync<JsonObject>())!["status"]!);
    }

    [Fact]
    public async Task ImportedTools_AreListedWithImpactUnknown_ForLaborRelationsToClassify_NoOrYesWithANotice()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await FederalImportTests.ImportAsync(http, FederalImportTests.Csv(
            ["DOI", "Department of the Interior", "DOI-0001", "Invasive species finder", "USGS", "ai@usgs.example", "No", "Deployed", "Not High-impact", "Science", "Computer Vision", "No", "Finds invasive species in photos."],
            ["DOI", "Department of the Interior", "DOI-0002", "Grant letter drafter", "BLM", "", "", "Pilot", "Not High-impact", "", "Generative AI", "", "Drafts letters."]));
        var drafter = FederalMapping.ToolIdFor("DOI", "DOI-0002");

        using (var anonymous = await http.GetAsync("/api/union-notices/unclassified")) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal([Imported, drafter], (await UnclassifiedAsync(http)).Order());

        using (var bad = await PostAsLaborAsync(http, new { toolId = Imported, impact = "maybe" }, "/api/union-notices/classifications"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        }
        // The page: labor relations sees the list and classifies one as no.
        using var labor = app.Http();
        labor.DefaultRequestHeaders.Add("X-Dev-User", LaborUser);
        using (var page = await labor.GetAsync("/union-cases"))
            Assert.Contains("Invasive species finder", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var no = await labor.SubmitFormAsync("/union-cases", "/union-cases?handler=Classify", ("toolId", Imported), ("impact", "no")))
        {
            Assert.Equal(HttpStatusCode.OK, no.StatusCode);
            Assert.Contains("no more than a de minimis impact", await no.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var yes = await PostAsLaborAsync(http, new { toolId = drafter, impact = "yes", organizationIds = new[] { "iuoe_local_39" } }, "/api/union-notices/classifications"))
        {
            Assert.Equal(HttpStatusCode.OK, yes.StatusCode);
            Assert.StartsWith("union-", (string)(await yes.Content.ReadFromJsonAsync<JsonObject>())!["noticeId"]!, StringComparison.Ordinal);
        }
        await http.SingleMailAsync(Local39, "Notice of new AI technology");
        Assert.Empty(await UnclassifiedAsync(http));
        using (var again = await PostAsLaborAsync(http, new { toolId = Imported, impact = "no" }, "/api/union-notices/classifications"))
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    private static async Task<List<string>> UnclassifiedAsync(HttpClient http)
    {
        using var response = await http.GetAsUserAsync("/api/union-notices/unclassified", LaborUser);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonArray>())!.Select(t => (string)t!["toolId"]!)];
    }

    private static async Task<HttpResponseMessage> PostAsLaborAsync(HttpClient http, object body, string path = "/api/union-notices")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Dev-User", LaborUser);
        return await http.SendAsync(request);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;
using CsvHelper;

namespace AIWorkflows.App.Tests.Inventory;

/// <summary>Import and export in the US federal schema (OMB M-25-21): a per-row report, no duplicates, ids that round-trip.</summary>
[Collection(OnAzurite.Name)]
public class FederalImportTests(AzuriteFixture azurite)
{
    private const string Officer = "aio@cityofsacramento.example; ai_officer";

    private static readonly string[] Header = ["agency", "agency_name", "id", "use_case_name", "agency_bureau", "contact_email", "is_withheld", "development_stage", "is_high_impact", "topic_area", "classification", "has_pii", "problem_solved"];

    private static byte[] SmallFile() => Csv(
        ["DOI", "Department of the Interior", "DOI-0001", "Invasive species finder", "USGS", "ai@usgs.example", "No", "Deployed", "High-impact", "Science", "Computer Vision", "No", "Finds invasive species in photos."],
        ["DOI", "Department of the Interior", "DOI-0002", "Grant letter drafter", "BLM", "", "", "Pilot", "Not High-impact", "", "Generative AI", "", "Drafts letters."],
        ["HHS", "Health and Human Services", "", "Chatbot", "CDC", "", "", "Deployed", "", "", "", "", ""],
        ["DOJ", "Department of Justice", "DOJ-0009", "Sealed", "FBI", "", "Yes - Prohibited by Law", "Deployed", "", "", "", "", ""],
        ["DOJ", "Department of Justice", "DOJ-0010", "Old search", "FBI", "", "No", "Retired", "", "", "", "", ""],
        ["DOI", "Department of the Interior", "DOI-0002", "Grant letter drafter (copy)", "BLM", "", "", "Pilot", "", "", "", "", ""],
        ["DHS", "Homeland Security", "DHS-0100", "Autonomous arrest planner", "ICE", "", "", "Pilot", "", "Law Enforcement", "Agentic AI", "", ""],
        ["EPA", "Environmental Protection Agency", "34", "=HYPERLINK(\"http://evil.example\")", "OAR", "", "", "Pre-deployment", "Not High-impact", "", "", "", "Forecasts air quality."]);

    [Fact]
    public async Task SmallFile_RegistersEachRowOrSaysWhyNot_AndASecondImportAddsNothing()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var report = await ImportAsync(http, SmallFile());
        Assert.Equal((8, 3, 0), ((int)report["rows"]!, (int)report["accepted"]!, (int)report["alreadyRegistered"]!));
        var refused = report["refused"]!.AsArray().Select(r => ((int)r!["row"]!, (string?)r["id"], (string)r["reason"]!)).ToList();
        Assert.Equal([4, 5, 6, 7, 8], refused.Select(r => r.Item1));
        Assert.StartsWith("No use case id", refused[0].Item3, StringComparison.Ordinal);
        Assert.StartsWith("Withheld", refused[1].Item3, StringComparison.Ordinal);
        Assert.StartsWith("Retired", refused[2].Item3, StringComparison.Ordinal);
        Assert.Equal(("DOI-0002", "The same agency and use case id as row 3."), (refused[3].Item2, refused[3].Item3));
        Assert.Contains("prohibits", refused[4].Item3, StringComparison.Ordinal);

        var tools = JsonNode.Parse(await http.GetStringAsync("/api/inventory"))!["tools"]!.AsArray();
        var byId = tools.ToDictionary(t => (string)t!["externalId"]!, t => t!);
        Assert.Equal(("high", "approved", "import"), ((string)byId["DOI-0001"]["tier"]!, (string)byId["DOI-0001"]["status"]!, (string)byId["DOI-0001"]["origin"]!));
        Assert.Equal(("medium", "pilot"), ((string)byId["DOI-0002"]["tier"]!, (string)byId["DOI-0002"]["status"]!));
        Assert.Equal(("low", "pilot"), ((string)byId["34"]["tier"]!, (string)byId["34"]["status"]!));
        Assert.Equal("=HYPERLINK(\"http://evil.example\")", (string)byId["34"]["name"]!);
        Assert.All(tools, t => Assert.Equal(app.Clock.GetUtcNow().AddDays(30), (DateTimeOffset)t!["nextReviewDueAt"]!));
        var page = await http.GetStringAsync((string)byId["DOI-0001"]["page"]!);
        Assert.Contains("reported by Department of the Interior", page, StringComparison.Ordinal);

        var again = await ImportAsync(http, SmallFile());
        Assert.Equal((0, 3, 5), ((int)again["accepted"]!, (int)again["alreadyRegistered"]!, again["refused"]!.AsArray().Count));
        Assert.Equal(3, (int)JsonNode.Parse(await http.GetStringAsync("/api/inventory"))!["total"]!);
    }

    [Fact]
    public async Task Export_IsTheFederalSchema_AndItsIdsRoundTrip()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await app.RegisterAsync(RegisterFixtures.Profile("tool-permits"));
        await ImportAsync(http, SmallFile());

        using var export = await http.GetAsync("/api/inventory/export.csv");
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.StartsWith(string.Join(",", FederalSchema.Columns) + "\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        var rows = PublicRegisterTests.ReadCsv(bytes).ToDictionary(r => r["id"]);
        Assert.Equal(["34", "DOI-0001", "DOI-0002", "tool-permits"], rows.Keys.Order(StringComparer.Ordinal));

        // What the agency reported comes back, with the city's status and tier; a city tool fills what the register holds.
        Assert.Equal(("DOI", "USGS", "Deployed", "High-impact", "Computer Vision"),
            (rows["DOI-0001"]["agency"], rows["DOI-0001"]["agency_bureau"], rows["DOI-0001"]["development_stage"], rows["DOI-0001"]["is_high_impact"], rows["DOI-0001"]["classification"]));
        Assert.Equal(("Pre-deployment", "'=HYPERLINK(\"http://evil.example\")"), (rows["34"]["development_stage"], rows["34"]["use_case_name"]));
        Assert.All(rows.Values, r => Assert.Equal("aio@cityofsacramento.example", r["contact_email"])); // a public address, never a person's
        Assert.Equal(("Sacramento", "Permit Helper", "Community Development", "Deployed", "Not High-impact", "Generative AI", "aio@cityofsacramento.example"),
            (rows["tool-permits"]["agency"], rows["tool-permits"]["use_case_name"], rows["tool-permits"]["agency_bureau"], rows["tool-permits"]["development_stage"],
             rows["tool-permits"]["is_high_impact"], rows["tool-permits"]["classification"], rows["tool-permits"]["contact_email"]));

        var back = await ImportAsync(http, bytes);
        Assert.Equal((4, 0, 4, 0), ((int)back["rows"]!, (int)back["accepted"]!, (int)back["alreadyRegistered"]!, back["refused"]!.AsArray().Count));
    }

    [Fact]
    public async Task Import_IsForTheAiOfficer_AndNeedsTheFederalColumns()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        using (var anonymous = await http.PostAsync("/api/inventory/import", CsvContent(SmallFile())))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var requester = await SendAsync(http, SmallFile(), "pat.lee@cityofsacramento.example; requester"))
            Assert.Equal(HttpStatusCode.Forbidden, requester.StatusCode);
        using (var json = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/inventory/import") { Content = JsonContent.Create(new { id = 1 }), Headers = { { "X-Dev-User", Officer } } }))
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        using (var wrong = await SendAsync(http, Encoding.UTF8.GetBytes("name,owner\r\nx,y\r\n"), Officer))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("no id or use_case_name column", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var page = await http.GetAsync("/inventory/import");
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task ImportPage_UploadsTheFile_AndShowsTheReport()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        using var form = new HttpRequestMessage(HttpMethod.Get, "/inventory/import") { Headers = { { "X-Dev-User", Officer } } };
        using var page = await http.SendAsync(form);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0];

        using var body = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new ByteArrayContent(SmallFile()) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", "inventory.csv" },
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, "/inventory/import") { Content = body, Headers = { { "X-Dev-User", Officer }, { "Cookie", cookie } } };
        using var done = await http.SendAsync(post);
        var report = System.Text.RegularExpressions.Regex.Replace(await done.Content.ReadAsStringAsync(), @"\s+", " ");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("<dt>Registered now</dt><dd>3</dd>", report, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">6</th><td data-label=\"Use case id\">DOJ-0010</td><td data-label=\"Why\">Retired", report, StringComparison.Ordinal);
    }

    internal static async Task<JsonNode> ImportAsync(HttpClient http, byte[] csv)
    {
        using var response = await SendAsync(http, csv, Officer);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, byte[] csv, string devUser) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/inventory/import") { Content = CsvContent(csv), Headers = { { "X-Dev-User", devUser } } });

    private static ByteArrayContent CsvContent(byte[] csv) => new(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };

    internal static byte[] Csv(params string[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var row in rows) csv.WriteRecord(row);
        }
        return buffer.ToArray();
    }
}

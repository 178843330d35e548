using System.Net;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.Inventory;

/// <summary>Issue 17 §4: the register a page at a time, with links that keep the filter, in JSON and on the page; the CSV stays whole.</summary>
[Collection(OnAzurite.Name)]
public class RegisterPagingTests(AzuriteFixture azurite)
{
    private const int Geology = 80;
    private const int Land = 50;

    /// <summary>130 federal use cases through the import: 80 run by USGS, 50 by BLM (each its own agency, so the department is the bare name).</summary>
    private static async Task ImportAsync(HttpClient http)
    {
        string[] Row(string bureau, int i) =>
            [bureau, "Department of the Interior", $"DOI-{bureau}-{i:000}", $"{bureau} helper {i:000}", bureau, "", "No", "Deployed", "Not High-impact", "", "", "No", "Sorts field reports."];
        var file = FederalImportTests.Csv([.. Enumerable.Range(1, Geology).Select(i => Row("USGS", i)), .. Enumerable.Range(1, Land).Select(i => Row("BLM", i))]);
        var report = await FederalImportTests.ImportAsync(http, file);
        Assert.Equal(Geology + Land, (int)report["accepted"]!);
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static List<string> Ids(JsonNode page) => [.. page["tools"]!.AsArray().Select(t => (string)t!["toolId"]!)];

    [Fact]
    public async Task TheApi_PagesByFifty_WithStableNextLinksThatKeepTheFilter()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await ImportAsync(http);

        var first = await GetJsonAsync(http, "/api/inventory");
        Assert.Equal((130, 130, 1, 50, 3), ((int)first["total"]!, (int)first["matching"]!, (int)first["page"]!, (int)first["pageSize"]!, (int)first["pages"]!));
        Assert.Equal(50, Ids(first).Count);
        Assert.Null(first["previous"]);
        Assert.Equal("/api/inventory?page=2", (string)first["next"]!);

        var seen = Ids(first);
        var page = first;
        while (page["next"] is { } next)
        {
            var link = (string)next!;
            page = await GetJsonAsync(http, link);
            Assert.Equal(Ids(page), Ids(await GetJsonAsync(http, link))); // the same link, the same page
            seen.AddRange(Ids(page));
        }
        Assert.Equal(30, Ids(page).Count);
        Assert.Equal("/api/inventory?page=2", (string)page["previous"]!);
        Assert.Equal(130, seen.Distinct().Count());
        Assert.Equal(seen, Ids(await GetJsonAsync(http, "/api/inventory?pageSize=200")));

        var usgs = await GetJsonAsync(http, "/api/inventory?department=USGS&pageSize=30");
        Assert.Equal((130, Geology, 30), ((int)usgs["total"]!, (int)usgs["matching"]!, Ids(usgs).Count));
        Assert.Equal("/api/inventory?department=USGS&page=2&pageSize=30", (string)usgs["next"]!);
        var last = await GetJsonAsync(http, "/api/inventory?department=USGS&page=3&pageSize=30");
        Assert.Equal(20, Ids(last).Count);
        Assert.Null(last["next"]);
        Assert.All(last["tools"]!.AsArray(), t => Assert.Equal("USGS", (string)t!["department"]!));

        var beyond = await GetJsonAsync(http, "/api/inventory?page=9");
        Assert.Empty(Ids(beyond));
        Assert.Null(beyond["next"]);

        // The spreadsheet is the whole register, whatever paging the link carries.
        var csv = PublicRegisterTests.ReadCsv(await http.GetByteArrayAsync("/inventory.csv?pageSize=10&page=2"));
        Assert.Equal(130, csv.Count);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=1e3", "pageSize")]
    public async Task BadPaging_IsA400Problem_AndAClearMessageOnThePage(string query, string field)
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        using var api = await http.GetAsync($"/api/inventory?{query}");
        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (api.StatusCode, api.Content.Headers.ContentType!.MediaType));
        Assert.True(JsonNode.Parse(await api.Content.ReadAsStringAsync())!["errors"]!.AsObject().ContainsKey(field));

        using var page = await http.GetAsync($"/inventory?{query}");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(field == "page" ? "Give a page number: a whole number from 1." : "a whole number from 1 to 200", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePage_SaysWhichToolsItShows_AndItsLinksKeepTheFilterAndSize()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        await ImportAsync(http);

        var first = WebUtility.HtmlDecode(await http.GetStringAsync("/inventory"));
        Assert.Contains("Showing 1–50 of 130 tools", first, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/inventory?page=2\" rel=\"next\">Next page", first, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", first, StringComparison.Ordinal);
        Assert.Contains("<nav aria-label=\"Pages of the register\">", first, StringComparison.Ordinal);

        var middle = WebUtility.HtmlDecode(await http.GetStringAsync("/inventory?department=USGS&pageSize=25&page=2"));
        Assert.Contains("Showing 26–50 of 80 tools", middle, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/inventory?department=USGS&pageSize=25\" rel=\"prev\">", middle, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/inventory?department=USGS&page=3&pageSize=25\" rel=\"next\">", middle, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 4", middle, StringComparison.Ordinal);
        Assert.Contains("USGS helper 026", middle, StringComparison.Ordinal);
        Assert.DoesNotContain("USGS helper 025<", middle, StringComparison.Ordinal);
        Assert.DoesNotContain("BLM helper", middle, StringComparison.Ordinal);
        Assert.Contains("<option value=\"25\" selected", middle, StringComparison.Ordinal);
    }
}

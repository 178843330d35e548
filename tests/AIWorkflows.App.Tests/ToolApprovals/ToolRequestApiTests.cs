using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Tests.Fixtures;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>The intake API's contract: what is stored, what is refused and how.</summary>
[Collection(OnAzurite.Name)]
public class ToolRequestApiTests(AzuriteFixture azurite)
{
    private static async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> PostAsync(HttpClient http, HttpContent content, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = content };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    [Fact]
    public async Task MissingAndBadFields_AreEachNamedInA400Problem_AndNothingIsStored()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var (status, type, body) = await PostAsync(http, JsonContent.Create(new { toolName = "X", dataCategories = new[] { "secret" }, requesterEmail = "not-an-email", stage = "beta" }));

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (status, type));
        var errors = body["errors"]!.AsObject();
        foreach (var field in new[] { "vendor", "department", "purpose", "humanOversight", "requesterEmail", "dataCategories", "stage", "decisionImpact", "publicFacing" })
            Assert.True(errors.ContainsKey(field), $"no error for {field}: {errors}");
        Assert.Empty(await http.MailAsync());
    }

    public static TheoryData<string, string> BrokenBodies => new()
    {
        { """{"toolName": 42}""", "toolName" },
        { """{"publicFacing": "yes"}""", "publicFacing" },
        { """{"colour": "blue"}""", "colour" },
        { """{"toolName": "x" """, "body" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task WrongTypesUnknownFieldsAndBrokenJson_Get400NamingTheField(string json, string field)
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var (status, type, body) = await PostAsync(http, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.BadRequest, "application/problem+json"), (status, type));
        Assert.True(body["errors"]!.AsObject().ContainsKey(field), body.ToJsonString());
    }

    [Fact]
    public async Task AnOversizedBody_Gets413()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var (status, type, _) = await PostAsync(http, new StringContent($$"""{"purpose":"{{new string('a', 70_000)}}"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "application/problem+json"), (status, type));
    }

    [Fact]
    public async Task AProhibitedUse_IsRefusedCitingTheClause_AndNothingIsStored()
    {
        await using var app = new AIWorkflowsApp(azurite, policy: "baltimore");
        using var http = app.Http();
        var body = JsonSerializerNode(AppClient.HighRiskRequest("ana@baltimorecity.example"));
        body["department"] = "Finance";
        body["impersonation"] = true;
        body["answers"] = new JsonObject { ["use_case"] = "other" }; // Baltimore's own required question

        var (status, type, problem) = await PostAsync(http, JsonContent.Create(body));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "application/problem+json"), (status, type));
        Assert.Contains("Baltimore", problem["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Empty(await http.MailAsync());
    }

    [Fact]
    public async Task TheSameIdempotencyKey_ReplaysTheFirstRequest_AndADifferentBodyIsRefused()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        var first = await http.SubmitAsync(AppClient.HighRiskRequest(), idempotencyKey: "form-7f3a");
        var again = await http.SubmitAsync(AppClient.HighRiskRequest(), idempotencyKey: "form-7f3a");
        var other = JsonSerializerNode(AppClient.HighRiskRequest());
        other["toolName"] = "Something else";
        var (status, _, _) = await PostAsync(http, JsonContent.Create(other), key: "form-7f3a");

        Assert.Equal((string)first["id"]!, (string)again["id"]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Single(await http.MailAsync(), m => m.Subject.Contains("Received", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownRequest_Is404Problem()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        using var response = await http.GetAsync("/api/requests/req-0000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static JsonObject JsonSerializerNode(object o) => System.Text.Json.JsonSerializer.SerializeToNode(o, AppClient.Json)!.AsObject();
}

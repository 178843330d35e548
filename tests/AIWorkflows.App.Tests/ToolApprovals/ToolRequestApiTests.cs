using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Inventory;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>The intake API's contract: who may send, what is stored, what is refused and how.</summary>
[Collection(OnAzurite.Name)]
public class ToolRequestApiTests(AzuriteFixture azurite)
{
    private static async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> PostAsync(HttpClient http, HttpContent content, string? key = null, string? devUser = AppClient.Staff)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = content };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        if (devUser is not null) request.Headers.Add("X-Dev-User", devUser);
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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WithoutASignedInIdentity_ARequestIsRefused401_AndNothingIsStoredOrMailed(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        using var anonymous = mode.As(null);

        var (status, type, problem) = await PostAsync(anonymous, JsonContent.Create(AppClient.HighRiskRequest("victim@cityofsacramento.example")), devUser: null);

        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"), (status, type));
        Assert.Equal("Sign-in required", (string)problem["title"]!);
        Assert.Empty(await mode.MailAsync());
        using var signedIn = mode.As(AppClient.Staff);
        var (created, _, _) = await PostAsync(signedIn, JsonContent.Create(AppClient.HighRiskRequest()), devUser: null);
        Assert.Equal(HttpStatusCode.Created, created);
    }

    [Fact]
    public async Task TheRequesterIsWhoSignedIn_AndSomeoneElseNamedIsRecordedAsSentOnTheirBehalf()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        const string assistant = "alex.assistant@cityofsacramento.example";
        var own = JsonSerializerNode(AppClient.HighRiskRequest());
        own.Remove("requesterEmail");

        var (status, _, mine) = await PostAsync(http, JsonContent.Create(own), devUser: assistant);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((assistant, assistant, false), ((string)mine["request"]!["requesterEmail"]!, (string)mine["request"]!["submittedBy"]!, (bool)mine["request"]!["onBehalf"]!));

        var (_, _, forDirector) = await PostAsync(http, JsonContent.Create(AppClient.HighRiskRequest("dana.director@cityofsacramento.example")), devUser: assistant);
        var request = forDirector["request"]!;
        Assert.Equal(("dana.director@cityofsacramento.example", assistant, true), ((string)request["requesterEmail"]!, (string)request["submittedBy"]!, (bool)request["onBehalf"]!));
        Assert.Contains($"Submitted by {assistant} on behalf of dana.director@cityofsacramento.example", (string)forDirector["timeline"]![0]!["summary"]!, StringComparison.Ordinal);
        // The person named hears of it, and who sent it; reviewers see both; so does the status page.
        var received = await http.SingleMailAsync("dana.director@cityofsacramento.example", "Received");
        Assert.Contains($"{assistant} sent it on your behalf", received.TextBody, StringComparison.Ordinal);
        var review = (await http.MailAsync()).First(m => m.Subject.Contains("Decision needed", StringComparison.Ordinal) && m.TextBody.Contains("dana.director", StringComparison.Ordinal));
        Assert.Contains($"(sent on their behalf by {assistant})", review.TextBody, StringComparison.Ordinal);
        // The status page, read by the sender (someone outside the request sees neither address, issue 19.2).
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/requests/{forDirector["id"]}");
        read.Headers.Add("X-Dev-User", assistant);
        using var page = await http.SendAsync(read);
        Assert.Contains($"sent on their behalf by {assistant}", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheForm_WithoutASignIn_SaysSignInIsRequired_AndRefusesAPost_SignedIn_ItIsFilledWithTheSignedInAddress()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var anonymous = app.Http();

        using var page = await anonymous.GetAsync("/requests/new");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("Sign in to request approval for an AI tool", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"toolName\"", html, StringComparison.Ordinal);   // no form that cannot be sent
        using var signedIn = app.Http();
        signedIn.DefaultRequestHeaders.Add("X-Dev-User", AppClient.Staff);
        var form = await signedIn.GetStringAsync("/requests/new");
        Assert.Contains($"value=\"{AppClient.Staff}\"", form, StringComparison.Ordinal);
        Assert.Contains($"You are signed in as {AppClient.Staff}", form, StringComparison.Ordinal);

        // A post without a sign-in (antiforgery from the signed-out page's neighbour, so only the sign-in is missing) is refused.
        using var refused = await anonymous.SubmitFormAsync("/incidents/new", "/requests/new", ("toolName", "Sneaky"), ("requesterEmail", "victim@cityofsacramento.example"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty(await anonymous.MailAsync());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARequestId_IsNotDerivableFromTheToolIdTheRegisterShows_AndAKeyedRetryStillLandsOnTheSameRequest(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        using var staff = mode.As(AppClient.Staff);
        using var anonymous = mode.As(null);

        var ids = new List<(string Request, string Tool)>();
        for (var i = 0; i < 5; i++)
        {
            var created = await staff.SubmitAsync(AppClient.HighRiskRequest(), idempotencyKey: i % 2 == 0 ? null : $"key-{i}");
            ids.Add(((string)created["id"]!, (string)created["toolId"]!));
        }
        foreach (var (request, tool) in ids)
        {
            Assert.NotEqual(request[4..], tool[5..]);
            // What the probe did: the public tool id turned into a request id. Nothing there now.
            using var guessed = await anonymous.GetAsync($"/api/requests/req-{tool[5..]}");
            Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
            using var page = await anonymous.GetAsync($"/requests/req-{tool[5..]}");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        }
        // Nor from a guessable Idempotency-Key: the id is keyed with a server secret, not a plain hash of sender and key.
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{AppClient.Staff.ToUpperInvariant()}\nkey-1"))[..8]);
        Assert.NotEqual($"req-{plain}", ids[1].Request);

        var retried = await staff.SubmitAsync(AppClient.HighRiskRequest(), idempotencyKey: "key-1");
        Assert.Equal(ids[1], ((string)retried["id"]!, (string)retried["toolId"]!));
        // The same key from someone else is their own request.
        using var colleague = mode.As("alex.assistant@cityofsacramento.example");
        var theirs = await colleague.SubmitAsync(AppClient.HighRiskRequest(), idempotencyKey: "key-1");
        Assert.NotEqual(ids[1].Request, (string)theirs["id"]!);
    }

    private static JsonObject JsonSerializerNode(object o) => System.Text.Json.JsonSerializer.SerializeToNode(o, AppClient.Json)!.AsObject();
}

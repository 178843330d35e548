using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Records;
using AIWorkflows.Testing;
using CsCheck;
using static AIWorkflows.App.Tests.Security.FieldKind;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Issue 11: property-based hostile input (CsCheck; a failure prints the seed to replay with CsCheck_Seed)
/// at every endpoint that takes a JSON body, a form, CSV or a file, taken from the app's own endpoint
/// list so a new one cannot be forgotten. Never a 5xx; the API answers problem+json; JSON over 64 KiB is
/// a 413; a wrong type or a value outside a closed set is refused with the field named; and whatever is
/// stored is rendered encoded: no page, the response's own or those that show stored values, holds a
/// hostile payload verbatim.
/// </summary>
[Collection(OnAzurite.Name)]
public class BadInputTests(AzuriteFixture azurite)
{
    private const int Iterations = 100;
    private const string Officer = "rita.records@cityofsacramento.example; records_officer";
    private const string AiOfficer = "aio@cityofsacramento.example; ai_officer";
    private const string Admin = "lee.admin@cityofsacramento.example; admin";
    private const string Labor = "laborrelations@cityofsacramento.example; labor_relations";
    private const string Email = "pat.lee@cityofsacramento.example";

    private static readonly Field[] RequestFields =
    [
        new("toolName", new Text("CaseNotes Assistant")), new("vendor", new Text("Acme AI")), new("department", new Text("Utilities")),
        new("requesterEmail", new Text(Email)), new("purpose", new Text("Summarize case notes.")),
        new("humanOversight", new Text("A supervisor reads every summary.")),
        new("dataCategories", new Choices("public", "internal", "pii")), new("publicFacing", new Flag()), new("generativeAi", new Flag()),
        new("affectsWorkingConditions", new Flag()), new("impersonation", new Flag()), new("lawEnforcement", new Flag()),
        new("decisionImpact", new Choice("none", "assistive", "automated")), new("stage", new Choice("pilot", "production")),
        new("affectedClassifications", new Texts("Administrative Analyst")), new("emergencyJustification", new Text("None")),
        // Sacramento's required questions (issue 17); "answers.x" is the form's field name and nests under "answers" in JSON.
        new("answers.non_public_data", new Choice("false", "true")), new("answers.job_interview_assistance", new Choice("false", "true")),
        new("answers.law_enforcement_decision_basis", new Choice("false", "true")),
    ];

    private static Field Reason => new("reason", new Text("Litigation hold for case 2026-14"));

    public static readonly BadInputSpec[] Specs =
    [
        new("POST /api/requests", BodyKind.Json, _ => "/api/requests", Email, RequestFields),
        new("POST /requests/new", BodyKind.Form, _ => "/requests/new", Email,
            [.. RequestFields.Where(f => f.Name is not ("dataCategories" or "affectedClassifications")),
             new("dataCategories", new Choice("public", "internal", "pii")), new("affectedClassifications", new Text("Administrative Analyst")),
             new("formKey", new Text("k1", "k2"))]),
        new("POST /api/tasks/{token}/decision", BodyKind.Json, w => $"/api{w.TaskLink}/decision", null,
            new("decision", new Choice("approve", "reject", "request_remediation", "approve_with_conditions")), new("comments", new Text("Looks fine"))),
        new("POST /tasks/{token}", BodyKind.Form, w => w.TaskLink, null,
            new("decision", new Choice("approve", "reject", "request_remediation", "approve_with_conditions")), new("comments", new Text("Looks fine"))),
        new("POST /api/tasks/{token}/escalation", BodyKind.Json, w => $"/api{w.TaskLink}/escalation", null, new Field("reason", new Text("Unresolved for weeks"))),
        new("POST /tasks/{token}?handler=Escalate", BodyKind.Form, w => $"{w.TaskLink}?handler=Escalate", null, new Field("reason", new Text("Unresolved for weeks"))),
        new("POST /respond/{token}", BodyKind.Form, w => w.RespondLink, null,
            new("action", new Choice("resubmit", "withdraw")), new("response", new Text("Changed the data"))),
        new("POST /api/incidents", BodyKind.Json, _ => "/api/incidents", null,
            new("toolId", new Text("tool-security-world")), new("reporterEmail", new Text(Email)), new("supervisorEmail", new Text(Email)),
            new("severity", new Choice("low", "medium")), new("description", new Text("A draft named the wrong meeting."))),
        new("POST /incidents/new", BodyKind.Form, _ => "/incidents/new", null,
            new("toolId", new Text("tool-security-world")), new("reporterEmail", new Text(Email)), new("supervisorEmail", new Text(Email)),
            new("severity", new Choice("low", "medium")), new("description", new Text("A draft named the wrong meeting."))),
        // Dismiss only: a confirmation would suspend the world's tool under the endpoints tried after it.
        new("POST /triage/{token}", BodyKind.Form, w => w.TriageLink, null, new("decision", new Choice("dismiss")), new("comments", new Text("Not reproduced"))),
        new("POST /api/access-requests", BodyKind.Json, _ => "/api/access-requests", null,
            new("toolId", new Text("tool-security-world")), new("employeeEmail", new Text(Email)), new("department", new Text("Utilities"))),
        new("POST /access/new", BodyKind.Form, _ => "/access/new", null,
            new("toolId", new Text("tool-security-world")), new("employeeEmail", new Text(Email)), new("department", new Text("Utilities"))),
        new("POST /access/sign/{token}", BodyKind.Form, w => w.SignLink, null, new("agree", new Choice("yes")), new("sha256", new Text("0"))),
        new("POST /access/consent/{token}", BodyKind.Form, w => w.ConsentLink, null,
            new("decision", new Choice("consent", "refuse")), new("comments", new Text("Fine"))),
        new("POST /access/grant/{token}", BodyKind.Form, w => w.GrantLink, null,
            new("decision", new Choice("grant", "refuse")), new("note", new Text("Added to the tool's group"))),
        new("POST /api/access-grants/{grantId}/revoke", BodyKind.Json, w => $"/api/access-grants/{w.GrantId}/revoke", AiOfficer, new Field("reason", new Text("Left the team"))),
        new("POST /api/training-completions", BodyKind.Json, _ => "/api/training-completions", Admin,
            new("employeeEmail", new Text(Email)), new("courseId", new Text("ai_policy_lms")), new("completedOn", new Text("2026-11-20"))),
        new("POST /training?handler=Record", BodyKind.Form, _ => "/training?handler=Record", Admin,
            new("employeeEmail", new Text(Email)), new("courseId", new Text("ai_policy_lms")), new("completedOn", new Text("2026-11-20"))),
        new("POST /api/training-completions/import", BodyKind.Csv, _ => "/api/training-completions/import", Admin,
            new("employee_email", new Text(Email)), new("course", new Text("ai_policy_lms")), new("completed_on", new Text("2026-11-20"))),
        new("POST /training?handler=Import", BodyKind.Multipart, _ => "/training?handler=Import", Admin,
            new("employee_email", new Text(Email)), new("course", new Text("ai_policy_lms")), new("completed_on", new Text("2026-11-20"))),
        new("POST /api/inventory/import", BodyKind.Csv, _ => "/api/inventory/import", AiOfficer,
            new("use_case_name", new Text("Chatbot")), new("agency", new Text("Department of Example")), new("stage", new Text("Deployed"))),
        new("POST /inventory/import", BodyKind.Multipart, _ => "/inventory/import", AiOfficer,
            new("use_case_name", new Text("Chatbot")), new("agency", new Text("Department of Example")), new("stage", new Text("Deployed"))),
        new("POST /inventory/{toolId}", BodyKind.Form, w => $"/inventory/{w.ToolId}", null,
            new("name", new Text("Sam")), new("email", new Text(Email)), new("comment", new Text("Useful tool")), new("formKey", new Text("f1", "f2"))),
        new("POST /union/{token}", BodyKind.Form, w => w.UnionLink, null,
            new("answer", new Choice("waive", "meet_and_confer")), new("name", new Text("Sam Steward")), new("comments", new Text("Workload"))),
        new("POST /api/union/{token}/answer", BodyKind.Json, w => $"/api{w.UnionLink}/answer", null,
            new("answer", new Choice("waive", "meet_and_confer")), new("name", new Text("Sam Steward")), new("comments", new Text("Workload"))),
        // Sacramento VI.A.7: an organization's public request, and labor relations' notice on a registered tool.
        new("POST /api/union-requests", BodyKind.Json, _ => "/api/union-requests", null,
            new("toolId", new Text("tool-security-world")), new("organizationId", new Choice("scxea", "iuoe_local_39")), new("email", new Text(Email)),
            new("impact", new Text("Schedules are now set by the tool."))),
        new("POST /union-requests/new", BodyKind.Form, _ => "/union-requests/new", null,
            new("toolId", new Text("tool-security-world")), new("organizationId", new Choice("scxea", "iuoe_local_39")), new("email", new Text(Email)),
            new("impact", new Text("Schedules are now set by the tool."))),
        new("POST /api/union-notices", BodyKind.Json, _ => "/api/union-notices", Labor,
            new("toolId", new Text("tool-security-world")), new("organizationIds", new Choices("scxea", "iuoe_local_39"))),
        new("POST /api/union-notices/classifications", BodyKind.Json, _ => "/api/union-notices/classifications", Labor,
            new("toolId", new Text("tool-security-world")), new("impact", new Choice("no")), new("organizationIds", new Choices("scxea"))),
        new("POST /union-cases?handler=Classify", BodyKind.Form, _ => "/union-cases?handler=Classify", Labor,
            new("toolId", new Text("tool-security-world")), new("impact", new Choice("no"))),
        new("POST /api/union-notices/{noticeId}/conclusions", BodyKind.Json, w => $"/api/union-notices/{w.NoticeId}/conclusions", Labor,
            new("organizationId", new Text("iuoe_local_39")), new("outcome", new Choice("agreement", "impasse")), new("summary", new Text("Agreed"))),
        // Sacramento VI.A.5: the requester adds documentation on the status page; the title reaches the records index.
        new("POST /requests/{id}?handler=Document", BodyKind.Form, w => $"/requests/{w.RequestId}?handler=Document", $"{Email}; requester",
            new Field("title", new Text("Model card"))),
        new("POST /union-cases/{noticeId}?handler=Meeting", BodyKind.Form, w => $"/union-cases/{w.NoticeId}?handler=Meeting", Labor,
            new("meetingOrganization", new Text("iuoe_local_39")), new("date", new Text("2026-12-03")), new("attendees", new Text("Sam, Lee"))),
        new("POST /union-cases/{noticeId}?handler=Conclude", BodyKind.Form, w => $"/union-cases/{w.NoticeId}?handler=Conclude", Labor,
            new("conclusionOrganization", new Text("iuoe_local_39")), new("outcome", new Choice("agreement", "impasse")), new("summary", new Text("Agreed"))),
        new("POST /reassess/{token}", BodyKind.Form, w => w.ReassessLink, null,
            new("use", new Text("Daily")), new("dataChanges", new Text("none")), new("incidentsSince", new Text("none")),
            new("outcome", new Choice("continue", "suspend", "retire")), new("tier", new Choice("low", "medium", "high")), new("comments", new Text("ok"))),
        new("POST /api/records/export", BodyKind.Json, _ => "/api/records/export", Officer,
            new("recordIds", new Texts("tool-security-world.incident-sec")), new("reference", new Text("PRA 2026-1"))),
        new("POST /records?handler=Export", BodyKind.Form, _ => "/records?handler=Export", Officer,
            new("recordIds", new Text("tool-security-world.incident-sec")), new("reference", new Text("PRA 2026-1"))),
        new("POST /records?handler=ToolHold", BodyKind.Form, _ => "/records?handler=ToolHold", Officer,
            new("holdToolId", new Text("tool-security-world")), new("holdReason", new Text("Litigation"))),
        new("POST /api/records/tools/{toolId}/holds", BodyKind.Json, w => $"/api/records/tools/{w.ToolId}/holds", Officer, Reason),
        new("POST /api/records/tools/{toolId}/holds/{holdId}/release", BodyKind.Json, w => $"/api/records/tools/{w.ToolId}/holds/hold-1/release", Officer, Reason),
        new("POST /api/records/{id}/holds", BodyKind.Json, w => $"/api/records/{w.RecordId}/holds", Officer, Reason),
        new("POST /api/records/{id}/holds/{holdId}/release", BodyKind.Json, w => $"/api/records/{w.RecordId}/holds/hold-1/release", Officer, Reason),
        new("POST /api/records/{id}/disposition", BodyKind.Json, w => $"/api/records/{w.RecordId}/disposition", Officer,
            new("decision", new Choice("extend", "dispose")), Reason, new("until", new Text("2040-01-01"))),
        new("POST /records/{id}?handler=Hold", BodyKind.Form, w => $"/records/{w.RecordId}?handler=Hold", Officer, Reason),
        new("POST /records/{id}?handler=Release", BodyKind.Form, w => $"/records/{w.RecordId}?handler=Release", Officer, new("holdId", new Text("hold-1")), Reason),
        new("POST /records/{id}?handler=Disposition", BodyKind.Form, w => $"/records/{w.RecordId}?handler=Disposition", Officer,
            new("decision", new Choice("extend", "dispose")), Reason, new("until", new Text("2040-01-01"))),
        new("POST /api/dev/clock", BodyKind.Json, _ => "/api/dev/clock", null, new Field("advance", new Text("PT0S"))),
        new("POST /?handler=AdvanceClock", BodyKind.Form, _ => "/?handler=AdvanceClock", null, new Field("advance", new Text("PT0S"))),
        new("POST /api/dev/sweep", BodyKind.None, _ => "/api/dev/sweep"),
    ];

    [Fact]
    public async Task EveryEndpointThatTakesInput_HasAGenerator()
    {
        await using var app = new AIWorkflowsApp(azurite);
        // GET and HEAD take no body.
        var posts = EndpointInventory.Keys(app).Where(k => !k.StartsWith("GET ", StringComparison.Ordinal) && !k.StartsWith("HEAD ", StringComparison.Ordinal)).ToList();
        var covered = Specs.Select(s => s.Key).ToList();

        Assert.True(posts.Except(covered).ToList() is [], $"No bad-input generator for: {string.Join(", ", posts.Except(covered))}");
        Assert.True(covered.Except(posts).ToList() is [], $"Generators for endpoints no longer mapped: {string.Join(", ", covered.Except(posts))}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task HostileInput_AtEveryEndpoint_IsNeverA5xx_IsRefusedWithItsField_OrStoredAndRenderedEncoded()
    {
        var logs = new CapturedLogs();
        await using var app = new AIWorkflowsApp(azurite, logs: logs);
        var world = await SecurityWorld.BuildAsync(app);
        var antiforgery = new Dictionary<string, (string, string)>();
        var sent = new HashSet<string>(StringComparer.Ordinal);
        var stored = new List<string>();

        foreach (var spec in Specs)
        {
            var key = spec.DevUser ?? "";
            if (!antiforgery.ContainsKey(key)) antiforgery[key] = await SecurityWorld.AntiforgeryAsync(app, spec.DevUser);
            await Bodies(spec).SampleAsync(async body =>
            {
                using var http = app.As(spec.DevUser);
                using var request = Request(spec, world, body, antiforgery[key]);
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                var context = $"{spec.Key} answered {status} {type}: {Clip(text)}";
                foreach (var v in body.Values.Where(v => v.Text is not null)) sent.Add(v.Text!);

                Assert.True(status < 500, context + "\n" + string.Join("\n", logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error).TakeLast(1)));
                if (spec.Key.StartsWith("POST /api/", StringComparison.Ordinal) && status >= 400)
                    Assert.True(type == "application/problem+json", context);
                if (body.Raw is { Length: > 64 * 1024 }) Assert.True(status is 413 or 400, context);
                if (spec.Body == BodyKind.Json && body.Raw is null && body.Values.Any(v => v.WrongType || v.UnknownChoice))
                {
                    Assert.True(status >= 400, "wrong type or unknown choice let through: " + context);
                    if (status == 400 && body.Values.Any(v => v.WrongType)) Assert.True(JsonNode.Parse(text)?["errors"] is JsonObject, "no field errors: " + context);
                }
                if (type == "text/html") AssertEncoded(text, body.Values.Select(v => v.Text), context);
                if (status is >= 200 and < 400 && response.Headers.Location is { } location && !location.ToString().StartsWith("/api/", StringComparison.Ordinal))
                    stored.Add(location.ToString());
                if (status == 201 && spec.Key == "POST /api/requests") stored.Add("/requests/" + (string)JsonNode.Parse(text)!["id"]!);
            }, iter: Iterations, threads: 1, print: b => b.ToString());
        }

        // Pages that show what was stored: each holds the hostile values, if at all, encoded.
        string[] showing = ["/dev/mail", "/inventory", $"/inventory/{world.ToolId}", $"/requests/{world.RequestId}", "/records?search=1",
            "/records/access-log", $"/records/{world.RecordId}", $"/union-cases/{world.NoticeId}", "/training", "/records/reviews"];
        foreach (var path in showing.Concat(stored.Distinct().Take(50)))
        {
            using var http = app.As(path.StartsWith("/records", StringComparison.Ordinal) ? Officer : path.StartsWith("/union-cases", StringComparison.Ordinal) ? Labor : Admin);
            using var page = await http.GetAsync(path);
            var html = await page.Content.ReadAsStringAsync();
            Assert.True((int)page.StatusCode < 500, $"{path}: {(int)page.StatusCode}");
            AssertEncoded(html, sent, path);
        }
        // Mail bodies are HTML too, read in mail clients.
        using var mailbox = app.Http();
        foreach (var mail in await mailbox.MailAsync())
            AssertEncoded(mail.HtmlBody, sent, $"mail '{mail.Subject}'");
    }

    /// <summary>A hostile value with markup in it may appear only encoded: verbatim means a browser would run it.</summary>
    private static void AssertEncoded(string html, IEnumerable<string?> values, string where)
    {
        foreach (var value in values)
        {
            // A value whose only special character is & can match its own encoding (a trailing "&" of "&amp;").
            if (value is null || value.Length < 4 || !value.AsSpan().ContainsAny("<>\"'")) continue;
            Assert.False(html.Contains(value, StringComparison.Ordinal), $"{where} shows a hostile value unencoded: {Clip(value)}");
        }
    }

    /// <summary>A generated body: each field's value, or (sometimes, for JSON) a raw body that is not an object at all.</summary>
    public sealed record Body(IReadOnlyList<(string Name, Generated Value)> Fields, string? Raw)
    {
        public IEnumerable<Generated> Values => Fields.Select(f => f.Value);

        public override string ToString() => Raw is not null ? $"raw[{Raw.Length}]: {Clip(Raw)}"
            : string.Join(", ", Fields.Where(f => f.Value.Present).Select(f => $"{f.Name}={Clip(f.Value.Json?.ToJsonString() ?? f.Value.Text ?? "")}"));
    }

    private static Gen<Body> Bodies(BadInputSpec spec)
    {
        var fields = Gen.Const<IReadOnlyList<(string, Generated)>>([]);
        foreach (var field in spec.Fields)
        {
            var value = spec.Body == BodyKind.Json ? Hostile.Json(field.Kind) : Hostile.Form(field.Kind);
            fields = fields.Select(value, (list, v) => (IReadOnlyList<(string, Generated)>)[.. list, (field.Name, v)]);
        }
        var objects = fields.Select(f => new Body(f, null));
        if (spec.Body != BodyKind.Json) return objects;
        var raws = Gen.OneOf(
            Gen.OneOf("{", "[1,2]", "\"text\"", "null", "{\"a\":", "{\"toolName\":\"x\",}", "not json at all"),
            Gen.Int[64 * 1024 + 1, 200 * 1024].Select(n => "{\"purpose\":\"" + new string('a', n) + "\"}"),
            Gen.String.Select(s => "{\"" + s + "\":1}"));
        return Gen.Frequency((6, objects), (1, raws.Select(r => new Body([], r))));
    }

    /// <summary>A JSON body from field names, "answers.x" nested as {"answers": {"x": ...}}.</summary>
    private static JsonObject Nested(IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (name.Split('.', 2) is [var outer, var inner])
                ((json[outer] ??= new JsonObject()) as JsonObject)![inner] = value;
            else json[name] = value;
        }
        return json;
    }

    private static HttpRequestMessage Request(BadInputSpec spec, SecurityWorld world, Body body, (string Cookie, string Token) antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, spec.Path(world));
        var present = body.Fields.Where(f => f.Value.Present).ToList();
        switch (spec.Body)
        {
            case BodyKind.Json:
                var json = body.Raw ?? Nested(present.Select(f => KeyValuePair.Create(f.Name, f.Value.Json?.DeepClone()))).ToJsonString();
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
                break;
            case BodyKind.Form:
                request.Content = new FormUrlEncodedContent([.. present.Select(f => KeyValuePair.Create(f.Name, f.Value.Text ?? "")),
                    KeyValuePair.Create("__RequestVerificationToken", antiforgery.Token)]);
                request.Headers.Add("Cookie", antiforgery.Cookie);
                break;
            case BodyKind.Csv:
                request.Content = new StringContent(Csv(spec, present), Encoding.UTF8, "text/csv");
                break;
            case BodyKind.Multipart:
                var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Csv(spec, present)));
                file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                request.Content = new MultipartFormDataContent
                {
                    { file, "file", "upload.csv" },
                    { new StringContent(antiforgery.Token), "__RequestVerificationToken" },
                };
                request.Headers.Add("Cookie", antiforgery.Cookie);
                break;
        }
        return request;
    }

    /// <summary>A header of every field and one row of the generated values, quoted as CSV quotes them.</summary>
    private static string Csv(BadInputSpec spec, List<(string Name, Generated Value)> present) =>
        string.Join(",", spec.Fields.Select(f => f.Name)) + "\r\n"
        + string.Join(",", spec.Fields.Select(f => "\"" + (present.FirstOrDefault(p => p.Name == f.Name).Value?.Text ?? "").Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\r\n";

    private static string Clip(string s) => s.Length > 200 ? s[..200] + "…" : s;
}

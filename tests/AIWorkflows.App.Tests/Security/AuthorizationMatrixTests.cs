using System.Net;
using System.Net.Http.Json;
using System.Text;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Records;
using AIWorkflows.Testing;
using AIWorkflows.Testing.AccessGrants;

namespace AIWorkflows.App.Tests.Security;

/// <summary>
/// Issue 11: every role against every endpoint. The table lists each endpoint the app maps (a test checks
/// it against the app's own endpoint data source, both ways) with who may use it; each actor sends a
/// real request: the allowed ones get past the gate (never 401/403, a GET answers 2xx), everyone else
/// is refused (401/403, or 404 for a link that is not theirs), and every refusal at a records endpoint
/// is in the records access log with who asked and what.
/// </summary>
[Collection(OnAzurite.Name)]
public class AuthorizationMatrixTests(AzuriteFixture azurite)
{
    public enum Access { Public, SignedIn, Development, Link, RecordsOfficer, OfficerOrAdmin, Admin, LaborRelations }

    public sealed record Actor(string Name, string? Email, string? Role)
    {
        public string? DevUser => Email is null ? null : $"{Email}; {Role}";

        public bool HoldsLink => Name == "reviewer link";
    }

    public static readonly Actor[] Actors =
    [
        new("anonymous", null, null),
        new("requester", "pat.lee@cityofsacramento.example", "requester"),
        new("reviewer link", null, null),
        new("AI officer", "aio@cityofsacramento.example", "ai_officer"),
        new("records officer", RecordsClient.Officer, "records_officer"),
        new("admin", "lee.admin@cityofsacramento.example", "admin"),
        new("labor relations", "laborrelations@cityofsacramento.example", "labor_relations"),
    ];

    /// <summary>How one row is exercised: the request, given the world and whether to use the real link.</summary>
    /// <param name="Answers">The status an allowed GET answers, when it is not 2xx (the error page shows the status it names).</param>
    public sealed record Row(string Key, Access Access, Func<SecurityWorld, bool, Send> Request, int? Answers = null);

    /// <summary>A request to send: method, path, body (JSON object, form fields, CSV text or a file), and whether it is a page form.</summary>
    public sealed record Send(string Method, string Path, object? Json = null, (string, string)[]? Form = null, string? Csv = null, (string Field, string Name, string Text)? File = null)
    {
        public bool IsPageForm => Form is not null || (File is not null && !Path.StartsWith("/api/", StringComparison.Ordinal));
    }

    private static Send Get(string path) => new("GET", path);
    private static Send Json(string path, object body) => new("POST", path, Json: body);
    private static Send Form(string path, params (string, string)[] fields) => new("POST", path, Form: fields);
    private static string L(SecurityWorld w, bool valid, string link) => valid ? link : SecurityWorld.Forged(link);
    private static string R(SecurityWorld w) => Uri.EscapeDataString(w.RecordId);

    public static readonly Row[] Table =
    [
        // The public: anyone, signed in or not.
        new("GET /", Access.Public, (_, _) => Get("/")),
        new("GET /api/healthz", Access.Public, (_, _) => Get("/api/healthz")),
        new("GET /css/site.css", Access.Public, (_, _) => Get("/css/site.css")),
        new("GET /api/policy", Access.Public, (_, _) => Get("/api/policy")),
        new("GET /api/requests/{id}", Access.Public, (w, _) => Get($"/api/requests/{w.RequestId}")),
        new("GET /requests", Access.Public, (w, _) => Get($"/requests?id={w.RequestId}")),
        new("GET /requests/{id}", Access.Public, (w, _) => Get($"/requests/{w.RequestId}")),
        // Sacramento VI.A.5: a request's documentation, for its insiders; every signed-in actor here is one (the requester,
        // or staff in a role). The world's request has none, so the allowed answer is 404; an outsider is refused first.
        new("GET /requests/{id}/documents/{recordId}", Access.SignedIn, (w, _) => Get($"/requests/{w.RequestId}/documents/tool-x.documentation-0"), Answers: 404),
        new("POST /requests/{id}?handler=Document", Access.SignedIn, (w, _) => new Send("POST", $"/requests/{w.RequestId}?handler=Document", File: ("document", "model-card.txt", "Model card"))),
        new("POST /api/incidents", Access.Public, (w, _) => Json("/api/incidents", new { toolId = w.ToolId, reporterEmail = SecurityWorld.Actor, severity = "low", description = "Matrix" })),
        new("GET /incidents/new", Access.Public, (w, _) => Get($"/incidents/new?tool={w.ToolId}")),
        new("POST /incidents/new", Access.Public, (w, _) => Form("/incidents/new", ("toolId", w.ToolId), ("severity", "low"))),
        new("GET /incidents/{toolId}/{incidentId}", Access.Public, (w, _) => Get(w.IncidentPath)),
        new("POST /api/access-requests", Access.Public, (w, _) => Json("/api/access-requests", new { toolId = w.ToolId, employeeEmail = AccessClient.Employee, department = "Utilities" })),
        new("GET /access/new", Access.Public, (w, _) => Get($"/access/new?tool={w.ToolId}")),
        new("POST /access/new", Access.Public, (w, _) => Form("/access/new", ("toolId", w.ToolId))),
        // Sacramento VI.A.7: an organization asks to meet and confer on a registered tool; it opens a request and nothing else.
        new("POST /api/union-requests", Access.Public, (w, _) => Json("/api/union-requests", new { toolId = w.ToolId, organizationId = "scxea", email = "steward@scxea.example" })),
        new("GET /union-requests/new", Access.Public, (w, _) => Get($"/union-requests/new?tool={w.ToolId}")),
        new("POST /union-requests/new", Access.Public, (w, _) => Form("/union-requests/new", ("toolId", w.ToolId))),
        new("GET /inventory", Access.Public, (_, _) => Get("/inventory")),
        new("GET /inventory.csv", Access.Public, (_, _) => Get("/inventory.csv")),
        new("GET /inventory/{toolId}", Access.Public, (w, _) => Get($"/inventory/{w.ToolId}")),
        new("POST /inventory/{toolId}", Access.Public, (w, _) => Form($"/inventory/{w.ToolId}", ("comment", "Matrix"))),
        new("GET /api/inventory", Access.Public, (_, _) => Get("/api/inventory")),
        new("GET /api/inventory/export.csv", Access.Public, (_, _) => Get("/api/inventory/export.csv")),
        new("GET /api/inventory/{toolId}", Access.Public, (w, _) => Get($"/api/inventory/{w.ToolId}")),
        new("GET /error/{status:int?}", Access.Public, (_, _) => Get("/error/404"), Answers: 404),
        // The Functions host's timer call: a sweep does only what is due, so anyone calling it changes nothing (README).

        // Signed-in city staff, whatever their role (issue 19): a request is sent in the name of whoever signed in.
        new("POST /api/requests", Access.SignedIn, (_, _) => Json("/api/requests", AppClient.HighRiskRequest())),
        new("GET /requests/new", Access.SignedIn, (_, _) => Get("/requests/new")),
        new("POST /requests/new", Access.SignedIn, (_, _) => Form("/requests/new", ("toolName", "Matrix"), ("formKey", Guid.NewGuid().ToString("N")))),

        // Development only (the test app runs in Development; DevelopmentOnlyTests prove the 404 elsewhere).
        new("POST /?handler=AdvanceClock", Access.Development, (_, _) => Form("/?handler=AdvanceClock", ("advance", "PT1S"))),
        new("GET /dev/mail", Access.Development, (_, _) => Get("/dev/mail")),
        new("GET /api/dev/mail", Access.Development, (_, _) => Get("/api/dev/mail?take=1")),
        new("GET /api/dev/clock", Access.Development, (_, _) => Get("/api/dev/clock")),
        new("POST /api/dev/clock", Access.Development, (_, _) => Json("/api/dev/clock", new { advance = "PT0S" })),
        new("POST /api/dev/sweep", Access.Development, (_, _) => new Send("POST", "/api/dev/sweep")),

        // Emailed links: whoever holds the link, and no one else. A POST with the link but no decision is a 400.
        new("GET /tasks/{token}", Access.Link, (w, v) => Get(L(w, v, w.TaskLink))),
        new("POST /tasks/{token}", Access.Link, (w, v) => Form(L(w, v, w.TaskLink), ("comments", "no decision"))),
        new("POST /api/tasks/{token}/decision", Access.Link, (w, v) => Json($"/api{L(w, v, w.TaskLink)}/decision", new { comments = "no decision" })),
        new("POST /api/tasks/{token}/escalation", Access.Link, (w, v) => Json($"/api{L(w, v, w.TaskLink)}/escalation", new { reason = "" })),
        new("POST /tasks/{token}?handler=Escalate", Access.Link, (w, v) => Form($"{L(w, v, w.TaskLink)}?handler=Escalate", ("reason", ""))),
        new("GET /respond/{token}", Access.Link, (w, v) => Get(L(w, v, w.RespondLink))),
        new("POST /respond/{token}", Access.Link, (w, v) => Form(L(w, v, w.RespondLink), ("response", "no action"))),
        new("GET /union/{token}", Access.Link, (w, v) => Get(L(w, v, w.UnionLink))),
        // Mail scanners fetch the organization's link, some with HEAD: it answers as GET does, and changes nothing.
        new("POST /union/{token}", Access.Link, (w, v) => Form(L(w, v, w.UnionLink), ("name", "no answer"))),
        new("POST /api/union/{token}/answer", Access.Link, (w, v) => Json($"/api{L(w, v, w.UnionLink)}/answer", new { name = "no answer" })),
        new("GET /reassess/{token}", Access.Link, (w, v) => Get(L(w, v, w.ReassessLink))),
        new("POST /reassess/{token}", Access.Link, (w, v) => Form(L(w, v, w.ReassessLink), ("use", ""))),
        new("GET /triage/{token}", Access.Link, (w, v) => Get(L(w, v, w.TriageLink))),
        new("POST /triage/{token}", Access.Link, (w, v) => Form(L(w, v, w.TriageLink), ("comments", "no decision"))),
        new("GET /access/sign/{token}", Access.Link, (w, v) => Get(L(w, v, w.SignLink))),
        new("POST /access/sign/{token}", Access.Link, (w, v) => Form(L(w, v, w.SignLink), ("sha256", "not ticked"))),
        new("GET /access/consent/{token}", Access.Link, (w, v) => Get(L(w, v, w.ConsentLink))),
        new("POST /access/consent/{token}", Access.Link, (w, v) => Form(L(w, v, w.ConsentLink), ("comments", "no decision"))),
        // The world's grant (Sacramento) is not DTI's to decide: its genuine link opens and answers 409, "not ready".
        new("GET /access/grant/{token}", Access.Link, (w, v) => Get(L(w, v, w.GrantLink)), Answers: 409),
        new("POST /access/grant/{token}", Access.Link, (w, v) => Form(L(w, v, w.GrantLink), ("note", "no decision"))),

        // Records officers only; every refusal is in the access log.
        new("GET /api/records", Access.RecordsOfficer, (w, _) => Get($"/api/records?toolId={w.ToolId}")),
        new("GET /api/records/reviews", Access.RecordsOfficer, (_, _) => Get("/api/records/reviews")),
        new("GET /api/records/access-log", Access.RecordsOfficer, (_, _) => Get("/api/records/access-log")),
        new("POST /api/records/export", Access.RecordsOfficer, (w, _) => Json("/api/records/export", new { recordIds = new[] { w.RecordId }, reference = "PRA matrix" })),
        new("GET /api/records/tools/{toolId}/holds", Access.RecordsOfficer, (w, _) => Get($"/api/records/tools/{w.ToolId}/holds")),
        new("POST /api/records/tools/{toolId}/holds", Access.RecordsOfficer, (w, _) => Json($"/api/records/tools/{w.ToolId}/holds", new { reason = "Matrix" })),
        new("POST /api/records/tools/{toolId}/holds/{holdId}/release", Access.RecordsOfficer, (w, _) => Json($"/api/records/tools/{w.ToolId}/holds/hold-none/release", new { reason = "Matrix" })),
        new("GET /api/records/{id}", Access.RecordsOfficer, (w, _) => Get($"/api/records/{R(w)}")),
        new("GET /api/records/{id}/content", Access.RecordsOfficer, (w, _) => Get($"/api/records/{R(w)}/content")),
        new("POST /api/records/{id}/holds", Access.RecordsOfficer, (w, _) => Json($"/api/records/{R(w)}/holds", new { reason = "Matrix" })),
        new("POST /api/records/{id}/holds/{holdId}/release", Access.RecordsOfficer, (w, _) => Json($"/api/records/{R(w)}/holds/hold-none/release", new { reason = "Matrix" })),
        new("POST /api/records/{id}/disposition", Access.RecordsOfficer, (w, _) => Json($"/api/records/{R(w)}/disposition", new { decision = "extend", reason = "Matrix", until = "2040-01-01" })),
        new("GET /records", Access.RecordsOfficer, (w, _) => Get($"/records?search=1&toolId={w.ToolId}")),
        new("POST /records?handler=Export", Access.RecordsOfficer, (w, _) => Form("/records?handler=Export", ("recordIds", w.RecordId), ("reference", "PRA matrix"))),
        new("POST /records?handler=ToolHold", Access.RecordsOfficer, (w, _) => Form("/records?handler=ToolHold", ("holdToolId", w.ToolId), ("holdReason", "Matrix"))),
        new("GET /records/reviews", Access.RecordsOfficer, (_, _) => Get("/records/reviews")),
        new("GET /records/access-log", Access.RecordsOfficer, (_, _) => Get("/records/access-log")),
        new("GET /records/{id}", Access.RecordsOfficer, (w, _) => Get($"/records/{R(w)}")),
        new("POST /records/{id}?handler=Hold", Access.RecordsOfficer, (w, _) => Form($"/records/{R(w)}?handler=Hold", ("reason", "Matrix"))),
        new("POST /records/{id}?handler=Release", Access.RecordsOfficer, (w, _) => Form($"/records/{R(w)}?handler=Release", ("holdId", "hold-none"), ("reason", "Matrix"))),
        new("POST /records/{id}?handler=Disposition", Access.RecordsOfficer, (w, _) => Form($"/records/{R(w)}?handler=Disposition", ("decision", "extend"), ("reason", "Matrix"), ("until", "2040-01-01"))),

        // The AI officer and administrators: the register's import and who may use which tool.
        new("POST /api/inventory/import", Access.OfficerOrAdmin, (_, _) => new Send("POST", "/api/inventory/import", Csv: "use_case_name\r\n")),
        new("GET /inventory/import", Access.OfficerOrAdmin, (_, _) => Get("/inventory/import")),
        new("POST /inventory/import", Access.OfficerOrAdmin, (_, _) => new Send("POST", "/inventory/import", File: ("file", "inventory.csv", "use_case_name\r\n"))),
        new("GET /api/access-grants", Access.OfficerOrAdmin, (w, _) => Get($"/api/access-grants?toolId={w.ToolId}")),
        new("GET /api/access-grants.csv", Access.OfficerOrAdmin, (w, _) => Get($"/api/access-grants.csv?toolId={w.ToolId}")),
        new("POST /api/access-grants/{grantId}/revoke", Access.OfficerOrAdmin, (w, _) => Json($"/api/access-grants/{w.GrantId}/revoke", new { reason = "" })),

        // Administrators: training.
        new("POST /api/training-completions", Access.Admin, (_, _) => Json("/api/training-completions", new { employeeEmail = AccessClient.Employee, courseId = "ai_policy_lms", completedOn = "2026-11-20" })),
        new("POST /api/training-completions/import", Access.Admin, (_, _) => new Send("POST", "/api/training-completions/import", Csv: "employee_email,course,completed_on\r\n")),
        new("GET /training", Access.Admin, (_, _) => Get("/training")),
        new("POST /training?handler=Record", Access.Admin, (_, _) => Form("/training?handler=Record", ("employeeEmail", AccessClient.Employee), ("courseId", "ai_policy_lms"), ("completedOn", "2026-11-20"))),
        new("POST /training?handler=Import", Access.Admin, (_, _) => new Send("POST", "/training?handler=Import", File: ("file", "training.csv", "employee_email,course,completed_on\r\n"))),

        // Labor relations: union notices and meet-and-confer cases.
        new("POST /api/union-notices", Access.LaborRelations, (w, _) => Json("/api/union-notices", new { toolId = w.ToolId })),
        new("GET /api/union-notices/unclassified", Access.LaborRelations, (_, _) => Get("/api/union-notices/unclassified")),
        new("POST /api/union-notices/classifications", Access.LaborRelations, (w, _) => Json("/api/union-notices/classifications", new { toolId = w.ToolId })),
        new("GET /api/union-notices/{noticeId}", Access.LaborRelations, (w, _) => Get($"/api/union-notices/{w.NoticeId}")),
        new("POST /api/union-notices/{noticeId}/conclusions", Access.LaborRelations, (w, _) => Json($"/api/union-notices/{w.NoticeId}/conclusions", new { organizationId = "none" })),
        new("GET /union-cases", Access.LaborRelations, (_, _) => Get("/union-cases")),
        new("POST /union-cases?handler=Classify", Access.LaborRelations, (w, _) => Form("/union-cases?handler=Classify", ("toolId", w.ToolId))),
        new("GET /union-cases/{noticeId}", Access.LaborRelations, (w, _) => Get($"/union-cases/{w.NoticeId}")),
        new("POST /union-cases/{noticeId}?handler=Meeting", Access.LaborRelations, (w, _) => Form($"/union-cases/{w.NoticeId}?handler=Meeting", ("organizationId", "none"))),
        new("POST /union-cases/{noticeId}?handler=Conclude", Access.LaborRelations, (w, _) => Form($"/union-cases/{w.NoticeId}?handler=Conclude", ("organizationId", "none"))),
    ];

    public static bool Allowed(Access access, Actor actor) => access switch
    {
        Access.Public or Access.Development => true,
        Access.SignedIn => actor.Email is not null,
        Access.Link => actor.HoldsLink,
        Access.RecordsOfficer => actor.Role == "records_officer",
        Access.OfficerOrAdmin => actor.Role is "ai_officer" or "admin",
        Access.Admin => actor.Role == "admin",
        Access.LaborRelations => actor.Role == "labor_relations",
        _ => false,
    };

    [Fact]
    public async Task TheTable_ListsEveryEndpointTheAppMaps_AndNothingElse()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var mapped = EndpointInventory.Keys(app);
        var listed = Table.Select(r => r.Key).ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.True(mapped.Except(listed).ToList() is [], $"Mapped but not in the authorization table: {string.Join(", ", mapped.Except(listed))}");
        Assert.True(listed.Except(mapped).ToList() is [], $"In the table but no longer mapped: {string.Join(", ", listed.Except(mapped))}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task EachRole_AgainstEachEndpoint_OnlyWhatTheRoleMayDoGetsThrough_AndEveryRecordsRefusalIsLogged()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var world = await SecurityWorld.BuildAsync(app);
        var forms = new Dictionary<string, (string Cookie, string Token)>();
        foreach (var actor in Actors) forms[actor.Name] = await SecurityWorld.AntiforgeryAsync(app, actor.DevUser);
        var wrong = new List<string>();
        var recordsRefusals = new List<(string Actor, string Action)>();

        // The link holders' POSTs go last among the rows, so their pages are read while the links are live.
        foreach (var row in Table.OrderBy(r => r.Access == Access.Link && r.Key.StartsWith("POST", StringComparison.Ordinal)))
        {
            foreach (var actor in Actors)
            {
                var send = row.Request(world, actor.HoldsLink);
                using var response = await SendAsync(app, actor, send, forms[actor.Name]);
                var status = (int)response.StatusCode;
                var body = status >= 400 ? await response.Content.ReadAsStringAsync() : "";
                var allowed = Allowed(row.Access, actor);
                var refused = status is 401 or 403 || (row.Access == Access.Link && status == 404);
                var verdict = (allowed, refused) switch
                {
                    _ when status >= 500 => "a server error",
                    (true, true) => "refused though allowed",
                    (true, false) when send.Method == "GET" && status >= 400 && status != row.Answers => "a failed GET though allowed",
                    (false, false) => "let through though not allowed",
                    (false, true) when actor.Email is not null && row.Access != Access.Link && status != 403 => "refused with 401 though signed in",
                    _ => null,
                };
                if (verdict is not null) wrong.Add($"{row.Key} as {actor.Name}: {verdict} ({status}) {Clip(body)}");
                // Issue 19: every answer, refusals included, carries the security headers.
                if (SecurityHeadersTests.Missing(response) is { } headers) wrong.Add($"{row.Key} as {actor.Name}: {headers}");
                if (!allowed && row.Access == Access.RecordsOfficer)
                    recordsRefusals.Add((actor.Email ?? "anonymous", $"{send.Method} {send.Path.Split('?')[0]}"));
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var denied = (await app.AccessLogAsync()).Where(e => (string)e!["outcome"]! == "denied")
            .Select(e => ((string)e!["actor"]!, (string)e["action"]!)).ToList();
        var missing = recordsRefusals.Where(r => !denied.Remove(r)).ToList();
        Assert.True(missing.Count == 0, "Refused but not in the access log:\n" + string.Join("\n", missing));
        Assert.Empty(denied); // and nothing logged as refused that was not
    }

    /// <summary>
    /// Issue 19: who may suspend a tool and who may send a request, each actor in turn, in Development (<c>X-Dev-User</c>)
    /// and in Production (App Service Authentication): a signed-in reporter's critical incident suspends the tool at once,
    /// anyone else's waits for the AI officer (202, nothing changes); a request is refused (401) without a sign-in and
    /// otherwise sent in the signed-in name. A principal in the header the mode does not trust is nobody.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EachActor_ReportingACriticalIncidentAndSendingARequest_OnlyASignedInIdentityActs(bool production)
    {
        await using var mode = await ModeApp.StartAsync(azurite, production);
        var wrong = new List<string>();
        foreach (var actor in Actors)
        {
            var toolId = $"tool-matrix-{Array.IndexOf(Actors, actor)}";
            await Inventory.RegisterFixtures.RegisterAsync(mode.App, Inventory.RegisterFixtures.Profile(toolId));
            using var http = mode.As(actor.Email, actor.Role is { } role ? [role] : []);
            using var reported = await http.PostAsJsonAsync("/api/incidents", new { toolId, reporterEmail = actor.Email ?? "resident@example.org", severity = "critical", description = "Matrix" });
            var status = (string)System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"/api/inventory/{toolId}"))!["status"]!;
            var expected = actor.Email is null ? (HttpStatusCode.Accepted, "approved") : (HttpStatusCode.Created, "suspended");
            if ((reported.StatusCode, status) != expected) wrong.Add($"incident as {actor.Name}: {(int)reported.StatusCode}, tool {status}; expected {expected}");

            var body = System.Text.Json.JsonSerializer.SerializeToNode(AppClient.HighRiskRequest("someone.else@cityofsacramento.example"), AppClient.Json)!;
            using var sent = await http.PostAsJsonAsync("/api/requests", body);
            var text = await sent.Content.ReadAsStringAsync();
            if (actor.Email is null)
            {
                if (sent.StatusCode != HttpStatusCode.Unauthorized || sent.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    wrong.Add($"request as {actor.Name}: {(int)sent.StatusCode} {text}");
            }
            else if (sent.StatusCode != HttpStatusCode.Created
                || (string?)System.Text.Json.Nodes.JsonNode.Parse(text)!["request"]!["submittedBy"] != actor.Email)
                wrong.Add($"request as {actor.Name}: {(int)sent.StatusCode} {Clip(text)}");
        }

        // The other mode's header is whatever the caller typed: ignored.
        using var forged = mode.App.Http();
        forged.DefaultRequestHeaders.Add(production ? "X-Dev-User" : "X-MS-CLIENT-PRINCIPAL",
            production ? "mallory@example.org; admin" : ModeApp.EasyAuthPrincipal("mallory@example.org", "admin"));
        using (var asForged = await forged.PostAsJsonAsync("/api/requests", AppClient.HighRiskRequest("mallory@example.org")))
            if (asForged.StatusCode != HttpStatusCode.Unauthorized) wrong.Add($"request with a forged principal: {(int)asForged.StatusCode}");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    internal static async Task<HttpResponseMessage> SendAsync(AIWorkflowsApp app, Actor actor, Send send, (string Cookie, string Token) antiforgery)
    {
        using var http = app.As(actor.DevUser);
        using var request = new HttpRequestMessage(new HttpMethod(send.Method), send.Path);
        if (send.Json is not null) request.Content = JsonContent.Create(send.Json, options: AppClient.Json);
        else if (send.Csv is not null) request.Content = new StringContent(send.Csv, Encoding.UTF8, "text/csv");
        else if (send.File is { } file)
        {
            var multipart = new MultipartFormDataContent { { new StringContent(file.Text), file.Field, file.Name } };
            if (send.IsPageForm) multipart.Add(new StringContent(antiforgery.Token), "__RequestVerificationToken");
            request.Content = multipart;
        }
        else if (send.Form is not null)
            request.Content = new FormUrlEncodedContent([.. send.Form.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)),
                new KeyValuePair<string, string>("__RequestVerificationToken", antiforgery.Token)]);
        if (send.IsPageForm) request.Headers.Add("Cookie", antiforgery.Cookie);
        return await http.SendAsync(request);
    }

    private static string Clip(string s) => s.Length > 300 ? s[..300] + "…" : s;
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.App.Tests.Records;
using AIWorkflows.Testing;

namespace AIWorkflows.App.Tests.ToolApprovals;

/// <summary>
/// Sacramento VI.A.5 ("obtain technical documentation"): the requester, or someone in the review, adds the vendor's
/// documentation to an open request on its status page. Each file is kept as a record of the request (class
/// submission), listed with the request for its insiders, and read back verified, with the reading in the access log;
/// outsiders see none of it; bad files get a message beside the field; nothing is added once the request is decided.
/// </summary>
[Collection(OnAzurite.Name)]
public partial class RequestDocumentTests(AzuriteFixture azurite)
{
    private static readonly byte[] ModelCard = Encoding.UTF8.GetBytes("%PDF-1.4\n% Model card for CaseNotes Assistant, version 3\n%%EOF\n");

    [Fact]
    public async Task TheRequester_AddsDocumentation_KeptAsARecordOfTheRequest_AndReadBackByReviewersOnly()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var requester = app.As(AppClient.Staff);
        var id = (string)(await requester.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;

        using (var added = await UploadAsync(requester, id, ("model-card.pdf", ModelCard), title: "Model card, version 3"))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            Assert.Contains("model-card.pdf is added to the request and kept as record", WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        // The same file again is the same record and one document.
        using (var again = await UploadAsync(requester, id, ("model-card.pdf", ModelCard)))
            Assert.Contains("model-card.pdf was already added.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var request = await requester.GetRequestAsync(id);
        var document = Assert.Single(request["documents"]!.AsArray())!;
        Assert.Equal(("Model card, version 3", "model-card.pdf", AppClient.Staff), ((string)document["title"]!, (string)document["fileName"]!, (string)document["addedBy"]!));
        Assert.Contains(request["timeline"]!.AsArray(), e => (string)e!["summary"]! == $"Technical documentation added by {AppClient.Staff}: Model card, version 3 (model-card.pdf).");
        var href = (string)document["href"]!;
        var recordId = (string)document["recordId"]!;

        // The requester and review staff read it back, byte for byte; the reading is a records access, logged.
        foreach (var reader in new[] { requester, app.As("aio@cityofsacramento.example", "ai_officer") })
        {
            using var read = await reader.GetAsync(href);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal("application/pdf", read.Content.Headers.ContentType!.MediaType);
            Assert.Equal(ModelCard, await read.Content.ReadAsByteArrayAsync());
        }
        Assert.Contains(await app.AccessLogAsync(), e => (string)e!["action"]! == "download" && (string)e["recordId"]! == recordId && (string)e["actor"]! == AppClient.Staff);
        // It is a record of the request, under the class the pack names for tool requests and their documentation.
        using (var record = await app.RecordsOfficer().GetAsync(RecordsClient.Path(recordId)))
        {
            var entry = (await record.JsonAsync())["record"]!;
            Assert.Equal(("submission", id), ((string)entry["recordClass"]!, (string)entry["requestId"]!));
        }

        // Outsiders: not signed in, or signed in without a part in the request.
        using (var anonymous = await app.Http().GetAsync(href))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var colleague = await app.As("someone.else@cityofsacramento.example").GetAsync(href))
            Assert.Equal(HttpStatusCode.Forbidden, colleague.StatusCode);
        var outside = await app.Http().GetRequestAsync(id);
        Assert.Empty(outside["documents"]!.AsArray());
        Assert.DoesNotContain("model-card.pdf", outside.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadFile_IsRefusedBesideTheField_AndNothingIsKept_AndAClosedRequestTakesNone()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var requester = app.As(AppClient.Staff);
        var id = (string)(await requester.SubmitAsync(AppClient.HighRiskRequest()))["id"]!;

        var cases = new (string What, (string Name, byte[] Content)? File, string Message)[]
        {
            ("no file", null, "Choose the file to add."),
            ("a program", ("setup.exe", [0x4d, 0x5a]), "Add the documentation as PDF"),
            ("too big", ("huge.pdf", new byte[RequestDocumentLimit + 1]), "The file must be at most 10 MB."),
        };
        foreach (var (what, file, message) in cases)
        {
            using var refused = await UploadAsync(requester, id, file);
            Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{what}: {(int)refused.StatusCode}");
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("id=\"document-error\"", html, StringComparison.Ordinal);
            Assert.Contains(message, html, StringComparison.Ordinal);
        }
        using (var title = await UploadAsync(requester, id, ("card.pdf", ModelCard), title: "Card\r\nBcc: x@example.org"))
            Assert.Equal(HttpStatusCode.BadRequest, title.StatusCode);
        // The form's antiforgery token is required, as on every form.
        using (var forged = new HttpRequestMessage(HttpMethod.Post, $"/requests/{id}?handler=Document") { Content = Multipart(("card.pdf", ModelCard), null, null) })
        using (var answer = await requester.SendAsync(forged))
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Empty((await requester.GetRequestAsync(id))["documents"]!.AsArray());
        Assert.DoesNotContain(await app.RecordsOfficer().GetStringAsync($"/api/records?toolId={(await requester.GetRequestAsync(id))["toolId"]}"), "documentation", StringComparison.Ordinal);

        // Decided (rejected here): the record is complete; the page offers no form, and a form left open is told why.
        var kept = await UploadFormAsync(requester, id);
        var task = Assert.Single(await requester.MailAsync(), m => m.Subject.Contains("Decision needed", StringComparison.Ordinal)).LinkPath("/tasks/");
        using (var rejected = await requester.PostFormAsync(task, ("decision", "reject"), ("comments", "Not needed for this service")))
            Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.DoesNotContain("Add the file", await requester.GetStringAsync($"/requests/{id}"), StringComparison.Ordinal);
        using var late = await PostAsync(requester, id, ("card.pdf", ModelCard), null, kept.Token, kept.Cookie);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("its record is complete", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private const int RequestDocumentLimit = AIWorkflows.App.Web.UploadedFile.MaxBytes;

    private static async Task<(string Token, string Cookie)> UploadFormAsync(HttpClient http, string id)
    {
        using var shown = await http.GetAsync($"/requests/{id}");
        var token = TokenInput().Match(await shown.Content.ReadAsStringAsync()) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on the status page ({(int)shown.StatusCode}).");
        return (token, shown.Headers.GetValues("Set-Cookie").First(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).Split(';')[0]);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string id, (string Name, byte[] Content)? file, string? title = null)
    {
        var (token, cookie) = await UploadFormAsync(http, id);
        return await PostAsync(http, id, file, title, token, cookie);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string id, (string Name, byte[] Content)? file, string? title, string? token, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/requests/{id}?handler=Document") { Content = Multipart(file, title, token) };
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }

    private static MultipartFormDataContent Multipart((string Name, byte[] Content)? file, string? title, string? token)
    {
        var form = new MultipartFormDataContent();
        if (token is not null) form.Add(new StringContent(token), "__RequestVerificationToken");
        if (title is not null) form.Add(new StringContent(title), "title");
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Content);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(bytes, "document", f.Name);
        }
        return form;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}

using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AIWorkflows.Testing.Mail;

namespace AIWorkflows.Testing;

/// <summary>
/// The app as it runs in Development (<c>X-Dev-User</c>, the dev outbox) or in Production (App Service
/// Authentication's principal trusted, mail through SendGrid at a local listener, no dev endpoints), for the
/// tests whose behaviour must hold in both. People sign in the way each mode lets them.
/// </summary>
public sealed partial class ModeApp : IAsyncDisposable
{
    private readonly SendGridListener? _sendGrid;

    private ModeApp(AIWorkflowsApp app, SendGridListener? sendGrid) => (App, _sendGrid) = (app, sendGrid);

    public AIWorkflowsApp App { get; }

    public bool Production => _sendGrid is not null;

    public sealed record SentMail(string To, string Subject, string Text, IReadOnlyList<string> Links);

    public static async Task<ModeApp> StartAsync(AzuriteFixture azurite, bool production)
    {
        if (!production) return new ModeApp(new AIWorkflowsApp(azurite), null);
        var sendGrid = await SendGridListener.StartAsync();
        var app = new AIWorkflowsApp(azurite, settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Auth:TrustEasyAuth"] = "true",
            ["SendGrid:ApiKey"] = "SG.test-key",
            ["SendGrid:FromEmail"] = "ai-approvals@cityofsacramento.example",
            ["SendGrid:BaseUrl"] = sendGrid.BaseUrl,
        });
        // Production for real: the Development-only endpoints are gone.
        using var http = app.Http();
        using var devMail = await http.GetAsync("/api/dev/mail");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, devMail.StatusCode);
        return new ModeApp(app, sendGrid);
    }

    /// <summary>A client signed in as <paramref name="email"/> with <paramref name="roles"/>, or anonymous when null.</summary>
    public HttpClient As(string? email, params string[] roles)
    {
        var http = App.Http();
        if (email is null) return http;
        if (Production) http.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", EasyAuthPrincipal(email, roles));
        else http.DefaultRequestHeaders.Add("X-Dev-User", $"{email}; {string.Join(",", roles)}");
        return http;
    }

    /// <summary>Every mail sent so far, oldest first.</summary>
    public async Task<IReadOnlyList<SentMail>> MailAsync()
    {
        if (_sendGrid is null)
        {
            using var http = App.Http();
            return [.. (await http.MailAsync()).Reverse().Select(m => new SentMail(m.To, m.Subject, m.TextBody, [.. m.Links.Select(l => l.Url)]))];
        }
        return [.. _sendGrid.Requests.Select(r =>
        {
            var p = r.Body.GetProperty("personalizations")[0];
            var text = r.Body.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!;
            // The client puts a single mail's subject on its personalization.
            var subject = (p.TryGetProperty("subject", out var own) ? own : r.Body.GetProperty("subject")).GetString()!;
            return new SentMail(p.GetProperty("to")[0].GetProperty("email").GetString()!, subject, text,
                [.. Url().Matches(text).Select(m => m.Value)]);
        })];
    }

    /// <summary>The <c>X-MS-CLIENT-PRINCIPAL</c> App Service Authentication hands the app for an Entra user with app roles.</summary>
    public static string EasyAuthPrincipal(string email, params string[] roles) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            role_typ = "roles",
            claims = new[] { new { typ = "preferred_username", val = email } }.Concat(roles.Select(r => new { typ = "roles", val = r })),
        })));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (_sendGrid is not null) await _sendGrid.DisposeAsync();
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Url();
}

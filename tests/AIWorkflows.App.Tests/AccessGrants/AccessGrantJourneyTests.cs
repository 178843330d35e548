using System.Net;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.Storage.Records;
using AIWorkflows.Testing;
using Microsoft.Extensions.DependencyInjection;
using static AIWorkflows.Testing.AccessGrants.AccessClient;

namespace AIWorkflows.App.Tests.AccessGrants;

/// <summary>
/// An employee's access to a tool from request to grant to expiry, on the dev clock (Sacramento pack:
/// two yearly courses, the AI Policy acknowledgement, the department head's consent, a reminder 30 days ahead).
/// </summary>
[Collection(OnAzurite.Name)]
public class AccessGrantJourneyTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Expires = new(2027, 11, 20, 0, 0, 0, TimeSpan.Zero); // the first course's completion + 12 months

    [Fact]
    public async Task Employee_TrainedSignedAndConsented_IsGranted_RemindedBeforeExpiry_LapsesOnExpiry_AndRenewalRegrants()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();
        using var admin = app.As(Admin);
        using var officer = app.As(Officer);
        var toolId = await RegisterToolAsync(app);

        // The request shows what is missing, and the employee and the department head are mailed their links.
        var request = await http.RequestAccessAsync(toolId);
        Assert.Equal("pending", (string)request["status"]!);
        var missing = request["missing"].Strings();
        Assert.Contains("course 'AI Policy review in the Learning Management System' not completed", missing);
        Assert.Contains("course 'Authorized and responsible use of AI and GenAI' not completed", missing);
        Assert.Contains("'AI Policy acknowledgement' not signed", missing);
        Assert.Contains("department head's consent not given", missing);
        var welcome = await http.SingleMailAsync(Employee, "Your request for Minutes Drafter");
        Assert.Contains("not completed", welcome.TextBody, StringComparison.Ordinal);
        var ask = await http.SingleMailAsync(Director, "Consent needed");

        // The learning system's export arrives: both completions reach the waiting request; the file is kept as a record.
        var report = await admin.ImportAsync(Csv("employee_email,course,completed_on",
            $"{Employee},ai_policy_lms,2026-11-20", $"{Employee.ToUpperInvariant()},Authorized and responsible use of AI and GenAI,11/21/2026"));
        Assert.Equal(2, (int)report["accepted"]!);
        Assert.Equal(2, (int)report["recorded"]!);
        Assert.Equal(2, (int)report["grantsUpdated"]!);
        Assert.Empty(report["refused"]!.AsArray());
        Assert.Single(await app.Services.GetRequiredService<IRecordArchive>().ListAsync("training", "training_record", default));
        var waiting = Assert.Single(await officer.GrantsAsync($"toolId={toolId}&status=pending"))!;
        Assert.Equal(["'AI Policy acknowledgement' not signed", "department head's consent not given"], waiting["missing"].Strings());

        // Opening the links changes nothing; the employee signs the text shown, the department head consents.
        var sign = welcome.LinkPath("/access/sign/");
        for (var i = 0; i < 2; i++)
        {
            using var page = await http.GetAsync(sign);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("I have received and reviewed the City of Sacramento Artificial Intelligence Policy.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, ask.LinkPath("/access/consent/")));
        }
        Assert.Equal(waiting["missing"].Strings(), Assert.Single(await officer.GrantsAsync($"toolId={toolId}&status=pending"))!["missing"].Strings());
        var sha = (string)request["agreement"]!["sha256"]!;
        using (var unticked = await http.PostFormAsync(sign, ("sha256", sha))) Assert.Equal(HttpStatusCode.BadRequest, unticked.StatusCode);
        using (var signed = await http.PostFormAsync(sign, ("agree", "yes"), ("sha256", sha))) Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        using (var again = await http.PostFormAsync(sign, ("agree", "yes"), ("sha256", sha))) Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the same signature: recorded
        using (var spent = await http.PostFormAsync(sign, ("sha256", sha))) Assert.Equal(HttpStatusCode.Gone, spent.StatusCode);
        using (var consent = await http.PostFormAsync(ask.LinkPath("/access/consent/"), ("decision", "consent"), ("comments", "")))
            Assert.Equal(HttpStatusCode.OK, consent.StatusCode);

        // Granted until the first course lapses; IT's list and CSV show it.
        await http.SingleMailAsync(Employee, "Access granted: Minutes Drafter");
        var granted = Assert.Single(await officer.GrantsAsync($"toolId={toolId}"))!;
        Assert.Equal(Employee, (string)granted["employeeEmail"]!);
        Assert.Equal(Expires, (DateTimeOffset)granted["expiresAt"]!);
        Assert.Single(await officer.GrantsAsync($"employee={Uri.EscapeDataString(Employee)}"));
        var csv = await officer.GetStringAsync($"/api/access-grants.csv?toolId={toolId}");
        Assert.StartsWith("tool_id,tool_name,employee_email,department,status,granted_at,expires_at,grant_id\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{toolId},Minutes Drafter,{Employee},Utilities,granted,", csv, StringComparison.Ordinal);
        Assert.Single(await app.Services.GetRequiredService<IRecordArchive>().ListAsync(toolId, "access_grant", default));

        // Thirty days ahead of expiry (pack city default) the employee is reminded, not before.
        app.Clock.SetUtcNow(Expires.AddDays(-31));
        await http.SweepAsync();
        Assert.DoesNotContain(await http.MailAsync(), m => m.Subject.Contains("Renew your training", StringComparison.Ordinal));
        app.Clock.SetUtcNow(Expires.AddDays(-30).AddHours(1));
        await http.SweepAsync();
        var reminder = await http.SingleMailAsync(Employee, "Renew your training");
        Assert.Contains("AI Policy review in the Learning Management System", reminder.TextBody, StringComparison.Ordinal);

        // On expiry the access lapses: gone from IT's list, the employee is told why.
        app.Clock.SetUtcNow(Expires.AddHours(1));
        await http.SweepAsync();
        var paused = await http.SingleMailAsync(Employee, "Access paused");
        Assert.Contains("expired on 2027-11-20", paused.TextBody, StringComparison.Ordinal);
        Assert.Empty(await officer.GrantsAsync($"toolId={toolId}"));
        Assert.DoesNotContain(Employee, await officer.GetStringAsync($"/api/access-grants.csv?toolId={toolId}"), StringComparison.Ordinal);

        // The renewed courses come in (taken yesterday, city time): access returns without a new request, until the renewals lapse.
        var renewal = await admin.ImportAsync(Csv("Email,Course ID,Completion Date", $"{Employee},ai_policy_lms,2027-11-19", $"{Employee},genai_authorized_use,2027-11-19"));
        Assert.Equal(2, (int)renewal["recorded"]!);
        var regranted = Assert.Single(await officer.GrantsAsync($"toolId={toolId}"))!;
        Assert.Equal(Expires.AddYears(1).AddDays(-1), (DateTimeOffset)regranted["expiresAt"]!);
        Assert.Equal(2, (await http.MailAsync()).Count(m => m.To == Employee && m.Subject.StartsWith("[Sacramento AI access] Access granted", StringComparison.Ordinal)));
    }
}

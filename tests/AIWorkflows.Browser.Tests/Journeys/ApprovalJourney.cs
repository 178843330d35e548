using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AIWorkflows.Browser.Tests.Checks;
using AIWorkflows.Browser.Tests.Fixtures;
using AIWorkflows.Testing;
using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Journeys;

/// <summary>
/// A tool from request to record, as the people involved see it in a browser: the department asks
/// (and fixes what the form says is wrong), each reviewer decides from the emailed link, the status
/// reads approved, the tool is in the public register, a resident comments on it, and a records
/// officer finds and downloads the decision record. Every page reached is screenshotted and checked.
/// </summary>
public sealed partial class ApprovalJourney(BrowserWorld world, Visit visit, IHands hands, string toolName)
{
    private const string Requester = "pat.lee@cityofsacramento.example";
    private const string RecordsOfficer = "rita.records@cityofsacramento.example; records_officer";

    private AIWorkflowsApp App => world.App;

    public string RequestId { get; private set; } = "";

    public string ToolId { get; private set; } = "";

    public async Task RunAsync()
    {
        await DepartmentRequestsApprovalAsync();
        await EachReviewerDecidesFromTheirEmailAsync();
        await DepartmentSeesApprovedAsync();
        await ResidentFindsTheToolAndCommentsAsync();
        await RecordsOfficerDownloadsTheDecisionRecordAsync();
    }

    private async Task DepartmentRequestsApprovalAsync()
    {
        // Requests are sent by signed-in staff (issue 19): the form opens with the signed-in address filled in.
        await using var person = await world.NewPersonAsync(App, Requester);
        var page = await person.NewPageAsync();
        await page.GotoAsync("/");
        await visit.SeeAsync(page, "home");
        await hands.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Request approval" }));
        await visit.SeeAsync(page, "request form");

        // First try: no tool name, an email address without a domain, no kind of information ticked.
        await hands.FillAsync(page.GetByLabel("Vendor"), "Acme AI");
        await hands.SelectAsync(page.GetByLabel("Your department", new() { Exact = true }), "Utilities");
        await hands.FillAsync(page.GetByLabel("Your work email address"), "pat.lee");
        await hands.FillAsync(page.GetByLabel("What will the tool be used for?"), "Summarize customer service case notes for supervisors.");
        await hands.FillAsync(page.GetByLabel("How will people check the tool’s output?"), "A supervisor reads every summary against the case before any action.");
        await hands.ChooseAsync(Group(page, "decisions about people").GetByLabel("It helps a person decide"));
        await hands.ChooseAsync(Group(page, "pilot or regular use").GetByLabel("Pilot (a limited trial)"));
        await hands.ChooseAsync(Group(page, "members of the public").GetByLabel("No", new() { Exact = true }));
        await hands.ChooseAsync(Group(page, "generate content").GetByLabel("Yes", new() { Exact = true }));
        await hands.ChooseAsync(Group(page, "imitate a real person").GetByLabel("No", new() { Exact = true }));
        await hands.ChooseAsync(Group(page, "used for law enforcement").GetByLabel("No", new() { Exact = true }));
        await hands.ChooseAsync(Group(page, "working conditions").GetByLabel("No", new() { Exact = true }));
        // Sacramento's own questions: some are required, and a blank may count as the answer that needs closer review (issue 17).
        await hands.ChooseAsync(Group(page, "not otherwise available to the public").GetByLabel("No", new() { Exact = true }));
        await hands.ChooseAsync(Group(page, "publicly available AI").GetByLabel("No", new() { Exact = true }));
        await hands.ChooseAsync(Group(page, "How will the tool be acquired?").GetByLabel("Existing contract"));
        await hands.ChooseAsync(Group(page, "job interview questions").GetByLabel("No", new() { Exact = true }));
        await hands.ChooseAsync(Group(page, "rationalize a law enforcement decision").GetByLabel("No", new() { Exact = true }));
        var refused = await hands.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send request" }));

        Assert.Equal(400, refused.Status);
        await visit.SeeAsync(page, "request form with errors");
        await FormErrorCheck.AssertErrorsNextToFieldsAsync(page, "toolName", "requesterEmail", "dataCategories");
        // What was answered is still there: only the three fields need attention.
        Assert.Equal("Acme AI", await page.GetByLabel("Vendor").InputValueAsync());
        Assert.True(await Group(page, "generate content").GetByLabel("Yes", new() { Exact = true }).IsCheckedAsync());

        await hands.FillAsync(page.GetByLabel("Name of the AI tool"), toolName);
        await hands.FillAsync(page.GetByLabel("Your work email address"), Requester);
        await hands.TickAsync(page.GetByLabel("Personal information about people"));
        await hands.TickAsync(page.GetByLabel("Internal city information"));
        await hands.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send request" }));

        Assert.Matches(RequestPath(), new Uri(page.Url).AbsolutePath);
        RequestId = RequestPath().Match(new Uri(page.Url).AbsolutePath).Groups[1].Value;
        await visit.SeeAsync(page, "request status in review");
        Assert.Equal("In review", await StatusAsync(page));
        ToolId = (await page.Locator("dt:text-is('Tool id') + dd").InnerTextAsync()).Trim();
    }

    private async Task EachReviewerDecidesFromTheirEmailAsync()
    {
        using var http = App.Http();
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        // The director decides first, then the AI officer, security officer and city attorney (Sacramento V.D.1).
        for (var round = 0; round < 5; round++)
        {
            var open = (await http.MailAsync())
                .Where(m => m.Subject.Contains($"Decision needed on {toolName}", StringComparison.Ordinal) && decided.Add(m.Id))
                .ToList();
            if (open.Count == 0) break;
            foreach (var mail in open)
            {
                await ReviewerDecidesAsync(mail.To, Assert.Single(mail.Links, l => l.Label == "Open the review").Url, showError: first);
                first = false;
            }
        }
        Assert.Equal(4, decided.Count);
    }

    private async Task ReviewerDecidesAsync(string reviewer, string taskUrl, bool showError)
    {
        await using var person = await world.NewPersonAsync(App);
        var page = await person.NewPageAsync();
        await page.GotoAsync("/dev/mail");
        await visit.SeeAsync(page, "mail outbox", reviewer);
        await hands.FollowAsync(page.Locator($"a[href=\"{taskUrl}\"]"));
        await visit.SeeAsync(page, "review", reviewer);
        var record = page.GetByRole(AriaRole.Button, new() { Name = "Record my decision" });

        if (showError)
        {
            var refused = await hands.FollowAsync(record);
            Assert.Equal(400, refused.Status);
            await visit.SeeAsync(page, "review with errors", reviewer);
            await FormErrorCheck.AssertErrorsNextToFieldsAsync(page, "decision");
        }
        await hands.ChooseAsync(Group(page, "What do you decide?").GetByLabel("Approve", new() { Exact = true }));
        await hands.FillAsync(page.GetByLabel("Comments"), "Meets the policy for this use.");
        await hands.FollowAsync(record);
        await visit.SeeAsync(page, "decision recorded", reviewer);
        Assert.Equal("Decision recorded", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    private async Task DepartmentSeesApprovedAsync()
    {
        await using var person = await world.NewPersonAsync(App);
        var page = await person.NewPageAsync();
        await page.GotoAsync("/dev/mail");
        var approved = page.Locator("article").Filter(new() { HasText = $"Approved: {toolName}" });
        await hands.FollowAsync(approved.GetByRole(AriaRole.Link, new() { Name = "See the decision" }));
        await visit.SeeAsync(page, "request status approved");
        Assert.Equal($"/requests/{RequestId}", new Uri(page.Url).AbsolutePath);
        Assert.Equal("Approved", await StatusAsync(page));
    }

    private async Task ResidentFindsTheToolAndCommentsAsync()
    {
        await using var person = await world.NewPersonAsync(App);
        var page = await person.NewPageAsync();
        await page.GotoAsync("/inventory");
        await visit.SeeAsync(page, "public register");
        await hands.FollowAsync(page.GetByRole(AriaRole.Link, new() { Name = toolName, Exact = true }));
        await visit.SeeAsync(page, "public register tool page");
        Assert.Equal(toolName, (await page.Locator("h1").InnerTextAsync()).Trim());

        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send to the AI officer" });
        var refused = await hands.FollowAsync(send);
        Assert.Equal(400, refused.Status);
        await visit.SeeAsync(page, "feedback with errors");
        await FormErrorCheck.AssertErrorsNextToFieldsAsync(page, "comment");

        await hands.FillAsync(page.GetByLabel("Your name (optional)"), "Alex Resident");
        await hands.FillAsync(page.GetByLabel("Your comment or question"), "Who reads the summaries before a supervisor acts on them?");
        await hands.FollowAsync(send);
        await visit.SeeAsync(page, "feedback received");
        Assert.Contains("your comment was sent", await page.Locator("#feedback-received").InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task RecordsOfficerDownloadsTheDecisionRecordAsync()
    {
        await using var person = await world.NewPersonAsync(App, RecordsOfficer);
        var page = await person.NewPageAsync();
        await page.GotoAsync("/");
        await hands.FollowAsync(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Records" }));
        await visit.SeeAsync(page, "records search");
        var search = page.Locator("form#form-start");
        await hands.FillAsync(search.GetByLabel("Tool id"), ToolId);
        await hands.SelectAsync(search.GetByLabel("Record class"), "AI Review decision record");
        await hands.FollowAsync(page.GetByRole(AriaRole.Button, new() { Name = "Search records" }));
        await visit.SeeAsync(page, "records found");
        Assert.Equal("1 record found", (await page.Locator("#results").InnerTextAsync()).Trim());

        await hands.FollowAsync(page.Locator("table a[href^='/records/']"));
        await visit.SeeAsync(page, "decision record");
        var row = page.Locator("tbody tr").Filter(new() { HasText = "text/html" });
        var download = await hands.DownloadAsync(row.GetByRole(AriaRole.Link));
        var file = await download.PathAsync();
        var sha = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
        Assert.Equal((await row.Locator("code").InnerTextAsync()).Trim(), sha);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains(toolName, html, StringComparison.Ordinal);
    }

    private static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend });

    private static async Task<string> StatusAsync(IPage page) =>
        (await page.Locator(".status-panel__status .tag").InnerTextAsync()).Trim();

    [GeneratedRegex("^/requests/(req-[0-9a-f]+)$")]
    private static partial Regex RequestPath();
}

using AIWorkflows.Browser.Tests.Fixtures;
using Xunit.Abstractions;

namespace AIWorkflows.Browser.Tests.Journeys;

// Each journey drives some 25 pages and about 60 form fields in a real browser.
[Collection(OnBrowser.Name)]
[Trait("Category", "Slow")]
public class ApprovalJourneyTests(BrowserWorld world, ITestOutputHelper output)
{
    [Fact]
    public async Task WithAPointer_RequestToApprovalToRegisterToRecord()
    {
        var visit = new Visit(world, "journey-pointer", output);
        await new ApprovalJourney(world, visit, new PointerHands(), "CaseNotes Assistant").RunAsync();
        output.WriteLine(string.Join("\n", visit.Seen));
    }

    [Fact]
    public async Task KeyboardOnly_RequestToApprovalToRegisterToRecord()
    {
        var keyboard = new KeyboardHands();
        var visit = new Visit(world, "journey-keyboard", output);
        await new ApprovalJourney(world, visit, keyboard, "Permit Letter Drafter").RunAsync();
        output.WriteLine($"{visit.Seen.Count} pages, {keyboard.KeyPresses} key presses, no clicks:\n{string.Join("\n", visit.Seen)}");
    }
}

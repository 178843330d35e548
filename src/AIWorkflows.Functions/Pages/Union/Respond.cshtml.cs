using AIWorkflows.App.UnionNotices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.DurableTask.Client;
using static AIWorkflows.App.UnionNotices.UnionNoticeService;

namespace AIWorkflows.App.Pages.Union;

/// <summary>
/// <c>/union/{token}</c>: an employee organization's emailed link to a notice of new AI technology
/// (Sacramento VI.A.7). GET and HEAD only read; POST waives or requests to meet and confer, once.
/// </summary>
// Like task links: the signed token in the address is the capability, so no antiforgery token.
[IgnoreAntiforgeryToken]
public sealed class RespondModel(UnionNoticeService service, DurableTaskClient client) : PageModel
{
    public LinkAccess.Granted? Access { get; private set; }

    public AnswerResult.Done? Done { get; private set; }

    public ProblemView? Problem { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    public AnswerInput Input { get; private set; } = new(null, null, null);

    public static IReadOnlyList<string> Order { get; } = ["answer", "name", "comments"];

    public IReadOnlyList<ChoiceOption> Answers => Access is { CanWaive: false }
        ? [MeetAndConfer]
        : [new("waive", "Waive", "The organization does not ask to meet and confer on this tool."), MeetAndConfer];

    private static readonly ChoiceOption MeetAndConfer =
        new("meet_and_confer", "Request to meet and confer", "Labor relations opens a case and arranges meetings on the impacts on working conditions.");

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        return Show(await service.OpenAsync(token, ct));
    }

    public async Task<IActionResult> OnPostAsync(string token, [FromForm] string? answer, [FromForm] string? name, [FromForm] string? comments, CancellationToken ct)
    {
        LinkPageHeaders.Apply(this);
        Input = new AnswerInput(answer, name, comments);
        switch (await service.AnswerAsync(client, token, Input, ct))
        {
            case AnswerResult.Done done:
                Done = done;
                return Page();
            case AnswerResult.Invalid invalid:
                Errors = new FormErrors(invalid.Errors, Order, f => f == "answer" ? ChoiceField.FirstInputId(f, Answers) : f);
                var shown = Show(invalid.Access);
                if (Problem is null) Response.StatusCode = StatusCodes.Status400BadRequest;
                return shown;
            case AnswerResult.Refused refused:
                return Show(refused.Why);
            default:
                throw new InvalidOperationException("Unknown answer result.");
        }
    }

    private PageResult Show(LinkAccess access)
    {
        switch (access)
        {
            case LinkAccess.Granted g:
                Access = g;
                break;
            case LinkAccess.Refused r:
                Problem = new ProblemView(r.Status, r.Title, r.Detail, r.Notice?.RequestId);
                Response.StatusCode = r.Status;
                break;
        }
        return Page();
    }
}

using AIWorkflows.App.AccessGrants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static AIWorkflows.App.AccessGrants.AccessGrantService;

namespace AIWorkflows.App.Pages.Access;

/// <summary>
/// What the access links' pages (sign, consent) share: a grant opened by a signed token, shown or refused,
/// and the answer to a post (done, errors next to the fields, or refused).
/// </summary>
// Antiforgery is each page's choice: the sign and consent pages, like task links, take the signed token in
// the address as the capability; DTI's grant page also asks for the form's antiforgery token.
public abstract class AccessLinkPage : PageModel
{
    public LinkAccess.Granted? Access { get; private set; }

    public AccessGrantView? Done { get; private set; }

    public ProblemView? Problem { get; private set; }

    public AccessGrantView? Grant { get; private set; }

    public FormErrors Errors { get; private set; } = FormErrors.None;

    protected PageResult Answer(ActResult result, Func<Dictionary<string, string[]>, FormErrors> errors)
    {
        switch (result)
        {
            case ActResult.Done d:
                Done = d.Grant;
                return Page();
            case ActResult.Invalid i:
                Errors = errors(i.Errors);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Show(i.Access);
            case ActResult.Refused r:
                return Show(r.Why);
            default:
                throw new InvalidOperationException("Unknown result.");
        }
    }

    protected PageResult Show(LinkAccess access)
    {
        switch (access)
        {
            case LinkAccess.Refused r:
                Problem = new ProblemView(r.Status, r.Title, r.Detail);
                Grant = r.Grant;
                Response.StatusCode = r.Status;
                break;
            case LinkAccess.Granted g:
                Access = g;
                break;
        }
        return Page();
    }
}

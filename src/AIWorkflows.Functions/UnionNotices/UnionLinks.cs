using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.UnionNotices;

/// <summary>Links in union-notice emails: each organization's signed response link and the labor relations case page.</summary>
public sealed class UnionLinks(TaskTokenService tokens, IOptions<AppOptions> options)
{
    // Sacramento VI.A.7: an organization may ask to meet and confer "upon learning of such implementation",
    // long after the window; its link stays usable for a year (opening it never changes anything).
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(366);

    private readonly string _base = options.Value.BaseUrl.ToString().TrimEnd('/');

    /// <summary>The token names the notice and the organization; it is the organization's capability to answer.</summary>
    public string Respond(string noticeId, string organizationId, DateTimeOffset from) =>
        $"{_base}/union/{Uri.EscapeDataString(tokens.Issue(TokenPurposes.Union, noticeId, organizationId, organizationId, from + Lifetime))}";

    public string Case(string noticeId) => $"{_base}/union-cases/{Uri.EscapeDataString(noticeId)}";

    public string Request(string requestId) => $"{_base}/requests/{Uri.EscapeDataString(requestId)}";
}

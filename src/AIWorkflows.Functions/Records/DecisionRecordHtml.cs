using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace AIWorkflows.App.Records;

/// <summary>The decision record as a page a person can read and print; every value is HTML-encoded.</summary>
public static class DecisionRecordHtml
{
    public static byte[] Render(DecisionRecord r, TimeZoneInfo zone)
    {
        var e = HtmlEncoder.Default;
        string T(DateTimeOffset at) => e.Encode(TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
        var h = new StringBuilder();
        void A(string s) => h.Append(s);
        void Row(string k, string v) => A($"<tr><th scope=\"row\">{e.Encode(k)}</th><td>{e.Encode(v)}</td></tr>");

        A($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Decision record {e.Encode(r.RequestId)}</title>");
        A("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.3rem;text-align:left;vertical-align:top}</style></head><body><main>");
        A($"<h1>Decision record: {e.Encode(r.Inputs.ToolName)}</h1>");
        A($"<p>{e.Encode(r.City)} — request {e.Encode(r.RequestId)}, tool {e.Encode(r.ToolId)}. Outcome: <strong>{e.Encode(r.Outcome)}</strong> on {T(r.DecidedAt)}.</p>");
        A("<h2>Inputs</h2><table>");
        Row("Tool", $"{r.Inputs.ToolName} by {r.Inputs.Vendor}");
        Row("Department", r.Inputs.Department);
        Row("Requested by", r.Inputs.RequesterEmail);
        if (r.Inputs.OnBehalf) Row("Sent on the requester's behalf by", r.Inputs.SubmittedBy!);
        Row("Purpose", r.Inputs.Purpose);
        Row("Human oversight", r.Inputs.HumanOversight);
        Row("Data categories", string.Join(", ", r.Inputs.DataCategories));
        Row("Public facing", r.Inputs.PublicFacing ? "yes" : "no");
        Row("Generative AI", r.Inputs.GenerativeAi ? "yes" : "no");
        Row("Affects working conditions", r.Inputs.AffectsWorkingConditions ? "yes" : "no");
        Row("Decision impact", r.Inputs.DecisionImpact);
        Row("Stage", r.Inputs.Stage);
        foreach (var (k, v) in r.Inputs.Answers) Row(k, v);
        A("</table>");
        A($"<h2>Risk tier: {e.Encode(r.RiskTier)}</h2><ul>");
        foreach (var t in r.TierReasons)
        {
            // Issue 17: a blank answer that counted as the riskier one, and reviews the rule added (Sacramento VII.E), are part of the decision.
            var notes = (t.Assumed ?? []).Select(a => a.Describe()).Concat((t.Reviews ?? []).Select(s => $"Adds a review by {s.Role}."));
            A($"<li>{e.Encode(t.Reason)} → {e.Encode(t.Tier)} ({e.Encode(t.Source)}){string.Concat(notes.Select(n => " " + e.Encode(n)))}</li>");
        }
        if (r.TierReasons.Count == 0) A("<li>No rubric rule raised the tier above the default.</li>");
        A("</ul><h2>Reviews</h2><table><thead><tr><th scope=\"col\">Role</th><th scope=\"col\">Reviewer</th><th scope=\"col\">Round</th><th scope=\"col\">Decision</th><th scope=\"col\">Comments</th><th scope=\"col\">When</th></tr></thead><tbody>");
        foreach (var v in r.Reviews)
            A($"<tr><td>{e.Encode(v.RoleTitle)}</td><td>{e.Encode(v.Reviewer)}</td><td>{v.Round}</td><td>{e.Encode(v.Decision ?? v.Status)}</td><td>{e.Encode(v.Comments ?? "")}</td><td>{(v.DecidedAt is { } d ? T(d) : "")}</td></tr>");
        A("</tbody></table>");
        List("Conditions of approval", r.Conditions);
        if (r.RejectionReason is { } reason) List("Reason for rejection", [reason]);
        List("Disclosure and oversight duties", [.. r.DisclosureDuties.Select(d => $"{d.Text} ({d.Source})")]);
        List("Policy clauses applied", r.ClausesApplied);
        A("<h2>Timeline</h2><ol>");
        foreach (var t in r.Timeline) A($"<li>{T(t.At)} — {e.Encode(t.Summary)}</li>");
        A("</ol></main></body></html>");
        return Encoding.UTF8.GetBytes(h.ToString());

        void List(string title, IReadOnlyList<string> items)
        {
            A($"<h2>{e.Encode(title)}</h2><ul>");
            foreach (var i in items) A($"<li>{e.Encode(i)}</li>");
            if (items.Count == 0) A("<li>None.</li>");
            A("</ul>");
        }
    }
}

using Microsoft.Playwright;

namespace AIWorkflows.Browser.Tests.Checks;

/// <summary>
/// After a form comes back with errors, what a person needs to fix them (WCAG 3.3.1, 3.3.3, 1.3.1):
/// the title starts "Error:", an error summary links to each field in error, and each such field has
/// its message next to it (no other field between them), visible, tied to the field through
/// aria-describedby (on the field or its fieldset) and saying what the summary says.
/// </summary>
public static class FormErrorCheck
{
    // Runs in the page. Returns the problems found; an empty list means the errors are usable.
    private const string Script = """
        (expected) => {
          const problems = [];
          const isControl = el => el.matches('input:not([type=hidden]), select, textarea');
          const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length) && getComputedStyle(el).visibility !== 'hidden';
          const text = el => (el.textContent || '').replace(/\s+/g, ' ').replace(/^Error:\s*/, '').trim();
          if (!/^Error:/.test(document.title)) problems.push(`the title "${document.title}" does not start with "Error:"`);

          const summary = document.querySelector('[role=alert] a[href^="#"], .error-summary a[href^="#"]')?.closest('[role=alert], .error-summary');
          const links = summary ? [...summary.querySelectorAll('a[href^="#"]')] : [];
          const flagged = new Map(); // control -> summary text
          for (const a of links) {
            const el = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
            if (!el) { problems.push(`the summary links to ${a.getAttribute('href')}, which is not on the page`); continue; }
            if (isControl(el)) flagged.set(el, text(a));
          }
          for (const el of document.querySelectorAll('[aria-invalid=true]'))
            if (isControl(el) && !flagged.has(el)) { flagged.set(el, null); problems.push(`${el.name || el.id} is marked invalid but the error summary does not link to it`); }
          if (!summary) problems.push('there is no error summary linking to the fields in error');
          for (const name of expected) {
            const fields = [...document.getElementsByName(name)];
            if (fields.length === 0) problems.push(`there is no field named ${name}`);
            else if (!fields.some(f => flagged.has(f))) problems.push(`${name} is not shown as in error`);
          }

          for (const [control, said] of flagged) {
            const label = control.name || control.id;
            const owners = [control, ...(function* () { for (let f = control.closest('fieldset'); f; f = f.parentElement?.closest('fieldset')) yield f; })()];
            const ids = owners.flatMap(o => (o.getAttribute('aria-describedby') || '').split(/\s+/)).filter(Boolean);
            const described = ids.map(id => document.getElementById(id)).filter(Boolean);
            const messages = described.filter(m => visible(m) && text(m).length > 0 && (said === null || text(m) === said));
            if (messages.length === 0) {
              problems.push(`${label} has no visible error message tied to it by aria-describedby${said ? ` saying "${said}"` : ''}`);
              continue;
            }
            // Next to the field: no other field between the message and the field, in reading order.
            const before = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
            const others = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(c => c.name !== control.name);
            const near = messages.some(m => !others.some(o => before(m, control) ? before(m, o) && before(o, control) : before(control, o) && before(o, m)));
            if (!near) problems.push(`${label}'s error message is not next to it (another field sits between them)`);
          }
          return problems;
        }
        """;

    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, params string[] expectedFields)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>(Script, expectedFields);
    }

    /// <summary>Fails unless each of <paramref name="expectedFields"/> (and every other field in error) shows its error as above.</summary>
    public static async Task AssertErrorsNextToFieldsAsync(IPage page, params string[] expectedFields)
    {
        var problems = await ProblemsAsync(page, expectedFields);
        if (problems.Count > 0)
            Assert.Fail($"Form errors on {page.Url} are not usable:\n- {string.Join("\n- ", problems)}");
    }
}

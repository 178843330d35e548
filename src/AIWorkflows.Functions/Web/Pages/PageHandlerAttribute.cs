namespace AIWorkflows.App.Web.Pages;

/// <summary>
/// One of the forms a page's POST function answers, chosen by <c>?handler=</c> as Razor Pages chose its
/// handlers (so the page's own form actions and saved addresses keep working): one function per route and
/// method, a switch on <see cref="PageForms.Handler"/> inside. The security tables list each form by it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class PageHandlerAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

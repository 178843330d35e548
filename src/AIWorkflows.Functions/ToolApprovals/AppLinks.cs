namespace AIWorkflows.App.ToolApprovals;

/// <summary>Section "App": the public base URL that emailed links point at.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    public Uri BaseUrl { get; set; } = new("http://127.0.0.1:8080/");
}

/// <summary>Absolute links for emails; pages use relative ones.</summary>
public sealed class AppLinks(Microsoft.Extensions.Options.IOptions<AppOptions> options)
{
    private readonly string _base = options.Value.BaseUrl.ToString().TrimEnd('/');

    public string Task(string token) => $"{_base}/tasks/{Uri.EscapeDataString(token)}";

    public string Respond(string token) => $"{_base}/respond/{Uri.EscapeDataString(token)}";

    public string Request(string requestId) => $"{_base}/requests/{Uri.EscapeDataString(requestId)}";
}

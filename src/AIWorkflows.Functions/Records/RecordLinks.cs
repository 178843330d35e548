using AIWorkflows.App.ToolApprovals;

namespace AIWorkflows.App.Records;

/// <summary>Absolute links to records pages, for emails.</summary>
public sealed class RecordLinks(Microsoft.Extensions.Options.IOptions<AppOptions> options)
{
    private readonly string _base = options.Value.BaseUrl.ToString().TrimEnd('/');

    public string Record(string recordId) => $"{_base}/records/{Uri.EscapeDataString(recordId)}";
}

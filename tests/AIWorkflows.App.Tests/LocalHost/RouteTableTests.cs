using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Deploy;
using AIWorkflows.App.Tests.Fixtures;
using AIWorkflows.LocalHost.Functions;
using AIWorkflows.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AIWorkflows.App.Tests.LocalHost;

/// <summary>
/// The local host serves exactly the HTTP functions the Functions host would: its route table is
/// compared with the functions.metadata the Functions SDK generates at build.
/// </summary>
[Collection(OnAzurite.Name)]
public sealed class RouteTableTests(AzuriteFixture azurite)
{
    private static IReadOnlyList<string> FromMetadata()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Repo.PathOf("src", "AIWorkflows.Functions", "bin", testBin.Parent!.Name, testBin.Name, "functions.metadata");
        var bindings = JsonNode.Parse(File.ReadAllText(path))!.AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray().Where(b => (string?)b!["type"] == "httpTrigger").Select(b => (Function: (string)f["name"]!, Binding: b!)));
        return [.. bindings
            .SelectMany(x => x.Binding["methods"]!.AsArray().Select(m => $"{x.Function}: {((string)m!).ToUpperInvariant()} /{(string)x.Binding["route"]!}"))
            .Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task TheLocalHost_MapsEveryHttpFunctionOfFunctionsMetadata_AtItsRouteAndMethods()
    {
        await using var app = new AIWorkflowsApp(azurite);
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpFunction>() is not null)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{e.Metadata.GetMetadata<HttpFunction>()!.Name}: {m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order(StringComparer.Ordinal);

        Assert.NotEmpty(FromMetadata());
        Assert.Equal(FromMetadata(), mapped);
    }

    [Fact]
    public async Task AFunctionEndpoint_AnswersThroughTheLocalHost()
    {
        await using var app = new AIWorkflowsApp(azurite);
        using var http = app.Http();

        using var css = await http.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("body", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

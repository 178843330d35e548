using AIWorkflows.App.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace AIWorkflows.App.Tests.Functions;

/// <summary>Under the Functions host the app listens on loopback at the port the host hands it.</summary>
public class CustomHandlerPortTests
{
    private static string? Urls(params string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseFunctionsCustomHandlerPort();
        return builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
    }

    [Fact]
    public void TheHostsPort_IsBoundOnLoopbackOnly() =>
        Assert.Equal("http://127.0.0.1:41234", Urls("--FUNCTIONS_CUSTOMHANDLER_PORT=41234"));

    [Fact]
    public void TheHostsPort_WinsOverPort() =>
        Assert.Equal("http://127.0.0.1:41234", Urls("--FUNCTIONS_CUSTOMHANDLER_PORT=41234", "--PORT=8080"));

    [Fact]
    public void OutsideTheHost_PortIsUsed() =>
        Assert.Equal("http://127.0.0.1:8080", Urls("--PORT=8080"));
}

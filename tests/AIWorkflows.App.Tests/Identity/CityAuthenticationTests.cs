using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Tests.Development;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AIWorkflows.App.Tests.Identity;

public sealed class CityAuthenticationTests
{
    private const string LongRole = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    private sealed record WhoAmI(bool Authenticated, string? Email, string? Name, string[] Roles);

    private static Task<WebApplication> App(string environment, bool trustEasyAuth = false) =>
        TestHost.StartAsync(environment, builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth:TrustEasyAuth"] = trustEasyAuth ? "true" : "false",
            });
            builder.Services.AddCityIdentity(builder.Configuration, builder.Environment);
        }, app =>
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/whoami", (ClaimsPrincipal user) => new WhoAmI(
                user.Identity?.IsAuthenticated ?? false,
                user.FindFirst(ClaimTypes.Email)?.Value,
                user.Identity?.Name,
                [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]));
            app.MapGet("/records", () => "secret").RequireAuthorization(p => p.RequireRole(Roles.RecordsOfficer));
        });

    private static async Task<WhoAmI> WhoAmIAsync(WebApplication app, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Add(header, value);
        var response = await app.GetTestClient().SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<WhoAmI>())!;
    }

    private static string EasyAuth(string roleType, params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            auth_typ = "aad",
            name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
            role_typ = roleType,
            claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        })));

    [Fact]
    public async Task InDevelopment_DevUserHeaderSignsIn()
    {
        await using var app = await App(Environments.Development);

        var me = await WhoAmIAsync(app, "X-Dev-User", "ana@city.gov; ai_officer, city_attorney");

        Assert.Equal(new[] { "ai_officer", "city_attorney" }, me.Roles);
        Assert.True(me.Authenticated);
        Assert.Equal("ana@city.gov", me.Email);
        Assert.Equal("ana@city.gov", me.Name);
    }

    [Fact]
    public async Task InDevelopment_DevUserWithoutRoles_IsSignedInWithNone()
    {
        await using var app = await App(Environments.Development);

        var me = await WhoAmIAsync(app, "X-Dev-User", "ana@city.gov");

        Assert.True(me.Authenticated);
        Assert.Empty(me.Roles);
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Production", true)]
    [InlineData("Staging", true)]
    public async Task OutsideDevelopment_DevUserHeaderIsIgnored(string environment, bool trustEasyAuth)
    {
        await using var app = await App(environment, trustEasyAuth);

        var me = await WhoAmIAsync(app, "X-Dev-User", "mallory@evil.example; admin");

        Assert.False(me.Authenticated);
        Assert.Empty(me.Roles);
    }

    [Fact]
    public async Task TrustedEasyAuth_RolesFromRolesClaims()
    {
        await using var app = await App(Environments.Production, trustEasyAuth: true);

        var me = await WhoAmIAsync(app, "X-MS-CLIENT-PRINCIPAL", EasyAuth("roles",
            ("name", "Rosa Records"), ("preferred_username", "rosa@city.gov"),
            ("roles", "records_officer"), ("roles", "admin")));

        Assert.True(me.Authenticated);
        Assert.Equal("rosa@city.gov", me.Email);
        Assert.Equal(new[] { "records_officer", "admin" }, me.Roles);
    }

    [Fact]
    public async Task TrustedEasyAuth_RolesFromTheLongRoleUri_AndEmailFromTheEmailClaim()
    {
        await using var app = await App(Environments.Production, trustEasyAuth: true);

        var me = await WhoAmIAsync(app, "X-MS-CLIENT-PRINCIPAL", EasyAuth(LongRole,
            ("email", "cio@city.gov"), (LongRole, "cio"), (LongRole, "security_officer")));

        Assert.Equal("cio@city.gov", me.Email);
        Assert.Equal(new[] { "cio", "security_officer" }, me.Roles);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task UntrustedEasyAuth_AForgedHeaderIsIgnored(string environment)
    {
        await using var app = await App(environment, trustEasyAuth: false);

        var me = await WhoAmIAsync(app, "X-MS-CLIENT-PRINCIPAL", EasyAuth("roles",
            ("preferred_username", "mallory@evil.example"), ("roles", "admin")));

        Assert.False(me.Authenticated);
        Assert.Empty(me.Roles);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    [InlineData("e30=")] // {} without claims
    public async Task TrustedEasyAuth_AMalformedHeaderIsNotASignIn(string header)
    {
        await using var app = await App(Environments.Production, trustEasyAuth: true);

        var me = await WhoAmIAsync(app, "X-MS-CLIENT-PRINCIPAL", header);

        Assert.False(me.Authenticated);
    }

    [Fact]
    public async Task TrustedEasyAuth_WithoutAnEmailLikeClaim_IsNotASignIn()
    {
        await using var app = await App(Environments.Production, trustEasyAuth: true);

        var me = await WhoAmIAsync(app, "X-MS-CLIENT-PRINCIPAL", EasyAuth("roles", ("name", "Rosa Records"), ("roles", "admin")));

        Assert.False(me.Authenticated);
    }

    [Fact]
    public async Task NoHeader_IsAnonymous_AndProtectedEndpointsAnswer401Problem()
    {
        await using var app = await App(Environments.Production, trustEasyAuth: true);
        var client = app.GetTestClient();

        var me = await client.GetFromJsonAsync<WhoAmI>("/whoami");
        var records = await client.GetAsync("/records");

        Assert.False(me!.Authenticated);
        Assert.Equal(HttpStatusCode.Unauthorized, records.StatusCode);
        Assert.Equal("application/problem+json", records.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignedInWithoutTheRole_Is403Problem_WithTheRole_Is200()
    {
        await using var app = await App(Environments.Development);
        var client = app.GetTestClient();

        using var forbidden = new HttpRequestMessage(HttpMethod.Get, "/records");
        forbidden.Headers.Add("X-Dev-User", "ana@city.gov; requester");
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/records");
        allowed.Headers.Add("X-Dev-User", "rosa@city.gov; records_officer");

        var refused = await client.SendAsync(forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(allowed)).StatusCode);
    }

    [Theory]
    [InlineData("ana@city.gov; ai_officer", true)]
    [InlineData(" ana@city.gov ;ai_officer,, cio ", true)]
    [InlineData("ana@city.gov", true)]
    [InlineData("; admin", false)]
    [InlineData("not an email; admin", false)]
    [InlineData("", false)]
    public void DevUserHeaderParsing(string value, bool parses) =>
        Assert.Equal(parses, DevUserHeader.TryParse(value, out _));

    [Fact]
    public void EveryRoleNameIsDistinct() =>
        Assert.Equal(Roles.All.Count, Roles.All.Distinct(StringComparer.Ordinal).Count());
}

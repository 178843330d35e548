namespace AIWorkflows.App.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="CityAuthenticationOptions.Scheme"/> scheme as the default:
    /// <c>X-Dev-User</c> honoured only in Development, Easy Auth only when
    /// <c>Auth:TrustEasyAuth</c> is true.
    /// </summary>
    public static IServiceCollection AddCityIdentity(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var trustEasyAuth = configuration.GetValue<bool>("Auth:TrustEasyAuth");
        var isDevelopment = environment.IsDevelopment();
        services.AddAuthentication(CityAuthenticationOptions.Scheme)
            .AddScheme<CityAuthenticationOptions, CityAuthenticationHandler>(CityAuthenticationOptions.Scheme, options =>
            {
                options.TrustEasyAuth = trustEasyAuth;
                options.AllowDevUser = isDevelopment;
            });
        services.AddAuthorization();
        return services;
    }
}

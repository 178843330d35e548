using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Tokens;

public static class TokenServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TaskTokenService"/> with keys from <c>Tokens:SigningKey</c> and
    /// <c>Tokens:PreviousKeys</c>, validated at start-up; in Development a missing key is
    /// generated once and kept under the content root.
    /// </summary>
    public static IServiceCollection AddTaskTokens(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        services.AddOptions<TaskTokenOptions>()
            .Bind(configuration.GetSection(TaskTokenOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TaskTokenOptions>, TaskTokenOptionsValidator>());
        if (environment.IsDevelopment())
            services.AddSingleton<IPostConfigureOptions<TaskTokenOptions>>(new DevSigningKey(environment.ContentRootPath));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TaskTokenService>();
        return services;
    }
}

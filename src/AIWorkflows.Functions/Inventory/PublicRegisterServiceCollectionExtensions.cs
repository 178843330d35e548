using AIWorkflows.App.Feedback;
using AIWorkflows.App.Workflows;

namespace AIWorkflows.App.Inventory;

public static class PublicRegisterServiceCollectionExtensions
{
    /// <summary>The public register's readers, the federal import and export, and public feedback with its rate limit.</summary>
    public static IServiceCollection AddPublicRegister(this IServiceCollection services, IConfiguration config)
    {
        var feedback = config.GetSection(FeedbackOptions.Section).Get<FeedbackOptions>() ?? new FeedbackOptions();
        feedback.Validate();
        services.AddOptions<FeedbackOptions>().Bind(config.GetSection(FeedbackOptions.Section));
        services.AddSingleton<PublicRegister>();
        services.AddSingleton<FederalSources>();
        services.AddSingleton<FederalMapping>();
        services.AddSingleton<FederalImporter>();
        services.AddSingleton<FederalExport>();
        services.AddSingleton<FeedbackDecider>();
        services.AddSingleton<FeedbackEffects>();
        services.AddOrchestratedWorkflow(FeedbackOrchestration.Rules, sp => sp.GetRequiredService<FeedbackEffects>().For);
        services.AddSingleton<FeedbackService>();
        services.AddSingleton<FeedbackRateLimit>();
        return services;
    }
}

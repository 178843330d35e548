using AIWorkflows.App.Web;

namespace AIWorkflows.App;

/// <summary>
/// The endpoints and pages not yet moved into HTTP-trigger functions, with the middleware they rely
/// on. Only the local host maps these; each feature leaves this list as it becomes functions.
/// </summary>
public static class AppEndpoints
{
    public static WebApplication UseAIWorkflowsEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseProblemResponses();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        return app;
    }
}

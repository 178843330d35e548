using AIWorkflows.App.AccessGrants;
using AIWorkflows.App.Development;
using AIWorkflows.App.Functions;
using AIWorkflows.App.Identity;
using AIWorkflows.App.Inventory;
using AIWorkflows.App.Mail;
using AIWorkflows.App.Policy;
using AIWorkflows.App.Reassessments;
using AIWorkflows.App.Records;
using AIWorkflows.App.Tokens;
using AIWorkflows.App.ToolApprovals;
using AIWorkflows.App.UnionNotices;
using AIWorkflows.App.Web;
using AIWorkflows.App.Workflows;

var builder = WebApplication.CreateBuilder(args);
builder.UseFunctionsCustomHandlerPort();
builder.Logging.KeepLinksOutOfLogs();

builder.Services.AddProblemDetails();
builder.Services.AddPolicyPack(builder.Configuration);
builder.Services.AddDevClock(builder.Environment);
builder.Services.AddTaskTokens(builder.Configuration, builder.Environment);
builder.Services.AddMail(builder.Configuration, builder.Environment);
builder.Services.AddCityIdentity(builder.Configuration, builder.Environment);
builder.Services.AddWorkflowStorage(builder.Configuration);
builder.Services.AddToolApprovals(builder.Configuration);
builder.Services.AddToolLifecycle();
builder.Services.AddRecords(builder.Configuration);
builder.Services.AddUnionNotices();
builder.Services.AddPublicRegister(builder.Configuration);
builder.Services.AddAccessGrants();
builder.Services.AddSingleton<StorageInitializer>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
builder.Services.AddSingleton<SweepRunner>();
builder.Services.AddHostedService<SweepScheduler>();
builder.Services.AddRazorPages();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseProblemResponses();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();

app.MapHealth();
app.MapPolicy();
app.MapToolRequests();
app.MapIncidents();
app.MapRecords();
app.MapUnionNotices();
app.MapPublicRegister();
app.MapAccessGrants();
app.MapTimerFunctions();
app.MapDevMail();
app.MapDevClock();
app.MapRazorPages();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

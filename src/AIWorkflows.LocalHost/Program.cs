// Placeholder: the lead engineer's local host (HTTP trigger mapping, the app) replaces this file.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

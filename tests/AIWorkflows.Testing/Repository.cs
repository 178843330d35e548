namespace AIWorkflows.Testing;

/// <summary>The clone the tests and the bench run from, found from their binaries wherever the clone is.</summary>
public static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AIWorkflows.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No AIWorkflows.sln above {AppContext.BaseDirectory}.");
    }
}

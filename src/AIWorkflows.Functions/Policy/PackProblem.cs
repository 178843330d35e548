namespace AIWorkflows.App.Policy;

/// <summary>One thing wrong with a pack: where (JSON path, line when known) and which rule it breaks.</summary>
internal sealed record PackProblem(string Path, string Rule, int? Line = null, int? Position = null);

namespace AIWorkflows.App.Policy;

/// <summary>
/// Section <c>Policy</c>: which city's pack runs and where packs live. The configuration key
/// <c>POLICY</c> (e.g. the environment variable in <c>POLICY=albuquerque ./run</c>) overrides <c>Pack</c>.
/// </summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>Top-level configuration key that overrides <see cref="Pack"/>.</summary>
    public const string OverrideKey = "POLICY";

    public const string DefaultPack = "sacramento";

    public string Pack { get; set; } = DefaultPack;

    /// <summary>Folder holding the packs and policy.schema.json; relative paths are taken from the app's base directory.</summary>
    public string Directory { get; set; } = Path.Combine(AppContext.BaseDirectory, "workflows");

    public string FullDirectory => Path.GetFullPath(Directory, AppContext.BaseDirectory);
}

namespace AIWorkflows.Storage;

/// <summary>
/// Where the tables and blobs live: a connection string (Azurite, or a key-based account), or the
/// service URIs of an account reached with a managed identity (the caller supplies the
/// TokenCredential, so this project does not depend on Azure.Identity).
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>
    /// Prepended to every table and container name. Tests give each run its own prefix so they
    /// share one emulator without seeing each other's rows; environments can share an account.
    /// Letters and digits only, starting with a letter (table names allow nothing else).
    /// </summary>
    public string TablePrefix { get; set; } = "";

    public bool UsesConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    /// <summary>Throws when the options cannot work; called at start-up.</summary>
    public void Validate()
    {
        if (!UsesConnectionString && (TableServiceUri is null || BlobServiceUri is null))
            throw new InvalidOperationException(
                $"{SectionName}: set ConnectionString, or both TableServiceUri and BlobServiceUri (used with a managed identity).");
        if (TablePrefix.Length > 0 && (!char.IsAsciiLetter(TablePrefix[0]) || !TablePrefix.All(char.IsAsciiLetterOrDigit)))
            throw new InvalidOperationException($"{SectionName}: TablePrefix '{TablePrefix}' must be ASCII letters and digits, starting with a letter.");
        if (TablePrefix.Length > 40)
            throw new InvalidOperationException($"{SectionName}: TablePrefix is longer than 40 characters; table names stop at 63.");
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AIWorkflows.App.Tokens;

/// <summary>
/// Development only: when no <c>Tokens:SigningKey</c> is configured, use a random key kept in
/// <c>.azurite/dev-signing-key</c> under the content root (git-ignored, beside the emulator's
/// data), so task links in the dev mailbox keep working across restarts. Never logged.
/// </summary>
public sealed class DevSigningKey(string contentRootPath) : IPostConfigureOptions<TaskTokenOptions>
{
    public string FilePath { get; } = Path.Combine(contentRootPath, ".azurite", "dev-signing-key");

    public void PostConfigure(string? name, TaskTokenOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SigningKey))
            options.SigningKey = LoadOrCreate();
    }

    private string LoadOrCreate()
    {
        if (TryLoad(out var existing))
            return existing;

        var damaged = File.Exists(FilePath);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(TaskTokenOptionsValidator.MinimumKeyBytes));
        var write = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            write.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // a secret, even if only a dev one
        // Write beside and move into place, so a second process starting at the same moment
        // reads either no file or a whole key, never half of one.
        var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        using (var writer = new StreamWriter(temporary, write))
            writer.Write(key);
        try
        {
            File.Move(temporary, FilePath, overwrite: damaged);
        }
        catch (IOException) when (TryLoad(out existing))
        {
            key = existing; // another process won the race; use its key so both agree
        }
        finally
        {
            File.Delete(temporary);
        }
        return key;
    }

    private bool TryLoad(out string key)
    {
        key = File.Exists(FilePath) ? File.ReadAllText(FilePath).Trim() : "";
        // A damaged file is replaced rather than failing start-up: it only signs dev links.
        return TaskTokenOptionsValidator.IsKey(key);
    }
}

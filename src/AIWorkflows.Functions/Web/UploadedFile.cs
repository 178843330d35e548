namespace AIWorkflows.App.Web;

/// <summary>
/// A file sent with a form to be kept as a record (meeting minutes, a request's technical documentation): the
/// name the browser gave, the size it declared and, unless over the cap, the bytes. One reading and one set of
/// checks for every upload, so the cap, the types and the file name are judged alike everywhere.
/// </summary>
public sealed record UploadedFile(string FileName, long Length, byte[] Content)
{
    /// <summary>Documents, not recordings or datasets: ample, and an upload stays one request.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>What a page lets through its size limit: the file plus the form's other fields.</summary>
    public const int MaxRequestBytes = MaxBytes + 256 * 1024;

    /// <summary>The form's file, or null when none was chosen. Over the cap the bytes are not read: the check refuses it by its size.</summary>
    public static async Task<UploadedFile?> ReadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is not { Length: > 0 }) return null;
        if (file.Length > MaxBytes) return new UploadedFile(file.FileName, file.Length, []);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return new UploadedFile(file.FileName, file.Length, buffer.ToArray());
    }

    /// <summary>
    /// The file's extension and content type when it is there, within the cap and of one of <paramref name="types"/>;
    /// otherwise the message for <paramref name="field"/> is added to <paramref name="errors"/>.
    /// </summary>
    public static (string Extension, string ContentType)? Check(
        UploadedFile? file, IReadOnlyDictionary<string, string> types, string field, string missing, string wrongType, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(errors);
        if (file is null || file.Length == 0)
        {
            errors[field] = [missing];
            return null;
        }
        if (file.Length > MaxBytes || file.Content.Length != file.Length)
        {
            errors[field] = [$"The file must be at most {MaxBytes / (1024 * 1024)} MB."];
            return null;
        }
        var extension = Path.GetExtension(file.FileName).TrimStart('.').ToLowerInvariant();
        if (!types.TryGetValue(extension, out var contentType))
        {
            errors[field] = [wrongType];
            return null;
        }
        return (extension, contentType);
    }

    /// <summary>The name without a path or control characters, at most 200 characters; <paramref name="fallback"/> when nothing is left.</summary>
    public string SafeName(string fallback)
    {
        var file = new string([.. Path.GetFileName(FileName.Replace('\\', '/')).Where(ch => !char.IsControl(ch))]).Trim();
        return file.Length switch { 0 => fallback, > 200 => file[..200], _ => file };
    }
}

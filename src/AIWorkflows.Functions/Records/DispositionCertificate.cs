using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AIWorkflows.Domain.Records;
using AIWorkflows.Storage.Records;

namespace AIWorkflows.App.Records;

/// <summary>
/// The certificate of destruction (a permanent record): what was destroyed, when, by whom, under which
/// authority, and the SHA-256 of each destroyed file, so the destroyed content can still be identified.
/// </summary>
public sealed record DispositionCertificate(
    string CertificateId,
    string City,
    string RecordId,
    string RecordClass,
    string Title,
    string ToolId,
    string? RequestId,
    string Department,
    DateTimeOffset RecordCreatedAt,
    DateTimeOffset? RetentionEnd,
    string Authority,
    string DisposedBy,
    string Reason,
    DateTimeOffset DisposedAt,
    IReadOnlyList<RecordContent> Destroyed)
{
    public const string RecordClassId = "disposition_certificate";

    public static DispositionCertificate From(RecordRetention.Disposed d, string city)
    {
        ArgumentNullException.ThrowIfNull(d);
        var r = d.Record;
        return new(d.Disposal.CertificateId, city, r.RecordId, r.RecordClass, r.Title, r.ToolId, r.RequestId, r.Department, r.CreatedAt,
            d.Clock.EndsAt, d.Disposal.Authority, d.Disposal.By, d.Disposal.Reason, d.Disposal.At, r.Contents);
    }

    public NewRecord ToRecord()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this, DecisionRecord.Json);
        return new NewRecord(CertificateId, RecordClassId, $"Certificate of destruction: {Title}", ToolId, RequestId, Department, DisposedAt,
            "created", null, [new Rendition("json", "application/json", json), new Rendition("html", "text/html; charset=utf-8", Html())]);
    }

    private byte[] Html()
    {
        var e = HtmlEncoder.Default;
        var h = new StringBuilder();
        h.Append($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Certificate of destruction {e.Encode(RecordId)}</title></head><body><main>");
        h.Append($"<h1>Certificate of records destruction</h1><p>{e.Encode(City)}</p><dl>");
        void Row(string k, string? v) => h.Append($"<dt>{e.Encode(k)}</dt><dd>{e.Encode(v ?? "")}</dd>");
        Row("Record", $"{Title} ({RecordId})");
        Row("Record class", RecordClass);
        Row("Tool", ToolId);
        Row("Request", RequestId);
        Row("Department", Department);
        Row("Created", RecordCreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Row("Retention ended", RetentionEnd?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Row("Authority", Authority);
        Row("Destroyed by", DisposedBy);
        Row("Reason", Reason);
        Row("Destroyed at", DisposedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        h.Append("</dl><h2>Files destroyed</h2><ul>");
        foreach (var c in Destroyed) h.Append($"<li>{e.Encode(c.BlobName)} ({e.Encode(c.ContentType)}, {c.Size} bytes), SHA-256 <code>{e.Encode(c.Sha256)}</code></li>");
        h.Append("</ul></main></body></html>");
        return Encoding.UTF8.GetBytes(h.ToString());
    }
}

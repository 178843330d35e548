using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace AIWorkflows.App.Mail;

/// <summary>
/// Development's mailer: keeps every mail in the <c>DevMail</c> table so a developer (or an
/// acceptance test) reads it at <c>/dev/mail</c> and follows its task links. One partition;
/// each mail is two rows written in one transaction: <c>id-{id}</c> makes the same message id
/// land once, <c>m-{inverted ticks}-{id}</c> lists newest first by key order alone.
/// </summary>
public sealed class DevOutboxMailer(TableClient table) : IMailer
{
    public const string TableName = "DevMail";
    private const string Partition = "mail";
    private const int MaxIdChars = 256;
    // Table string properties hold 64 KiB (32K UTF-16 chars); a dev mailbox may shorten a huge body.
    private const int MaxBodyChars = 30_000;
    private volatile bool _tableExists;

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(message.Id);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Id.Length, MaxIdChars);
        await EnsureTableAsync(ct);

        var key = KeyOf(message.Id);
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - message.CreatedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        TableTransactionAction[] rows =
        [
            new(TableTransactionActionType.Add, new TableEntity(Partition, $"id-{key}")),
            new(TableTransactionActionType.Add, ToEntity(message, $"m-{inverted}-{key}")),
        ];
        try
        {
            await table.SubmitTransactionAsync(rows, ct);
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            // The id row exists: this message was stored before (an outbox retry). Nothing to do.
        }
    }

    /// <summary>The <paramref name="take"/> newest mails, newest first.</summary>
    public async Task<IReadOnlyList<MailMessage>> ListAsync(int take, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await EnsureTableAsync(ct);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"m-"} and RowKey lt {"m."}");
        var mails = new List<MailMessage>(Math.Min(take, 100));
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), cancellationToken: ct))
        {
            mails.Add(FromEntity(entity));
            if (mails.Count == take)
                break;
        }
        return mails;
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (_tableExists)
            return;
        await table.CreateIfNotExistsAsync(ct);
        _tableExists = true;
    }

    // Message ids may hold characters table keys refuse ('/', '#', '?'); base64url holds none.
    private static string KeyOf(string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(id));

    private static TableEntity ToEntity(MailMessage m, string rowKey) => new(Partition, rowKey)
    {
        ["Id"] = m.Id,
        ["To"] = m.To,
        ["Subject"] = m.Subject,
        ["TextBody"] = Shorten(m.TextBody),
        ["HtmlBody"] = Shorten(m.HtmlBody),
        ["Links"] = JsonSerializer.Serialize(m.Links),
        ["CreatedAt"] = m.CreatedAt,
    };

    private static MailMessage FromEntity(TableEntity e) => new(
        e.GetString("Id"),
        e.GetString("To"),
        e.GetString("Subject"),
        e.GetString("TextBody") ?? "",
        e.GetString("HtmlBody") ?? "",
        JsonSerializer.Deserialize<List<MailLink>>(e.GetString("Links") ?? "[]") ?? [],
        e.GetDateTimeOffset("CreatedAt") ?? default);

    private static string Shorten(string body) =>
        body.Length <= MaxBodyChars ? body : string.Concat(body.AsSpan(0, MaxBodyChars), "\n[shortened in the dev mailbox]");
}

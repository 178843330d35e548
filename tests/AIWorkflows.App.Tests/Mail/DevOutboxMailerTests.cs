using AIWorkflows.App.Mail;
using AIWorkflows.Testing;
using Azure.Data.Tables;

namespace AIWorkflows.App.Tests.Mail;

public sealed class DevOutboxMailerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly DevOutboxMailer _outbox = new(
        new TableServiceClient(azurite.ConnectionString).GetTableClient(AzuriteFixture.NewTablePrefix() + DevOutboxMailer.TableName));

    private static MailMessage Mail(string id, DateTimeOffset at, string subject = "Review requested") => new(
        id, "ana@city.example", subject, $"Body of {id}", $"<p>Body of {id}</p>",
        [new MailLink("Review", $"https://app.example/tasks/{id}")], at);

    [Fact]
    public async Task MailsListNewestFirst_WhateverOrderTheyWereSentIn()
    {
        await _outbox.SendAsync(Mail("b", Now.AddMinutes(1)), CancellationToken.None);
        await _outbox.SendAsync(Mail("c", Now.AddMinutes(2)), CancellationToken.None);
        await _outbox.SendAsync(Mail("a", Now), CancellationToken.None);

        var mails = await _outbox.ListAsync(10, CancellationToken.None);

        Assert.Equal(["c", "b", "a"], mails.Select(m => m.Id));
        Assert.Equal(["b", "a"], (await _outbox.ListAsync(10, CancellationToken.None)).Skip(1).Select(m => m.Id));
        Assert.Equal(["c", "b"], (await _outbox.ListAsync(2, CancellationToken.None)).Select(m => m.Id));
    }

    [Fact]
    public async Task TheSameMessageIdIsStoredOnce_EvenWhenRetriedLater()
    {
        await _outbox.SendAsync(Mail("out-1", Now), CancellationToken.None);
        await _outbox.SendAsync(Mail("out-1", Now), CancellationToken.None);
        await _outbox.SendAsync(Mail("out-1", Now.AddMinutes(5), "retried"), CancellationToken.None);

        var mail = Assert.Single(await _outbox.ListAsync(10, CancellationToken.None));
        Assert.Equal("Review requested", mail.Subject);
    }

    [Fact]
    public async Task ConcurrentRetriesOfOneMessageStoreIt_Once()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _outbox.SendAsync(Mail("out-race", Now), CancellationToken.None)));

        Assert.Single(await _outbox.ListAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task EverythingRoundTrips_IncludingIdsWithCharactersTableKeysRefuse()
    {
        var sent = Mail("instance/42#task?1 é", Now) with { Links = [new MailLink("A", "https://a.example/1"), new MailLink("B", "/b")] };

        await _outbox.SendAsync(sent, CancellationToken.None);

        var stored = Assert.Single(await _outbox.ListAsync(10, CancellationToken.None));
        Assert.Equal(sent with { Links = [] }, stored with { Links = [] });
        Assert.Equal(sent.Links, stored.Links);
    }
}

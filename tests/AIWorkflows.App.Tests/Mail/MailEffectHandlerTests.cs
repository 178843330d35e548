using System.Text.Json;
using AIWorkflows.App.Effects;
using AIWorkflows.App.Mail;
using AIWorkflows.Storage.Effects;
using Moq;

namespace AIWorkflows.App.Tests.Mail;

/// <summary>A step that runs twice at once (the engine delivers at least once) sends its mail once from this process.</summary>
public sealed class MailEffectHandlerTests
{
    private static PendingEffect Effect(string id) => new("1-mail-owner", MailEffectHandler.KindName, JsonSerializer.Serialize(
        new MailMessage(id, "owner@cityofsacramento.example", "Your request", "text", "<p>html</p>", [], DateTimeOffset.UnixEpoch)));

    [Fact]
    public async Task TwoCopiesOfOneStep_SendItsMailOnce_AndBothLearnItWasSent()
    {
        var accepted = new TaskCompletionSource();
        var mailer = new Mock<IMailer>();
        mailer.Setup(m => m.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>())).Returns(accepted.Task);
        var handler = new MailEffectHandler(mailer.Object);

        var first = handler.HandleAsync("tool-approval", "req-1", Effect("req-1-8-outcome"), default);
        var second = handler.HandleAsync("tool-approval", "req-1", Effect("req-1-8-outcome"), default);
        Assert.False(second.IsCompleted);
        accepted.SetResult();
        await Task.WhenAll(first, second);
        await handler.HandleAsync("tool-approval", "req-1", Effect("req-1-8-outcome"), default);

        mailer.Verify(m => m.SendAsync(It.Is<MailMessage>(x => x.Id == "req-1-8-outcome"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AMailThatWasNotAccepted_FailsEveryCopyWaitingOnIt_AndIsSentAgainByTheRetry()
    {
        var mailer = new Mock<IMailer>();
        var calls = 0;
        mailer.Setup(m => m.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Returns(() => ++calls == 1 ? Task.FromException(new MailDeliveryException("SendGrid answered 503")) : Task.CompletedTask);
        var handler = new MailEffectHandler(mailer.Object);

        await Assert.ThrowsAsync<MailDeliveryException>(() => handler.HandleAsync("tool-approval", "req-1", Effect("req-1-2-review"), default));
        await handler.HandleAsync("tool-approval", "req-1", Effect("req-1-2-review"), default);
        await handler.HandleAsync("tool-approval", "req-1", Effect("req-1-3-review"), default);

        mailer.Verify(m => m.SendAsync(It.Is<MailMessage>(x => x.Id == "req-1-2-review"), It.IsAny<CancellationToken>()), Times.Exactly(2));
        mailer.Verify(m => m.SendAsync(It.Is<MailMessage>(x => x.Id == "req-1-3-review"), It.IsAny<CancellationToken>()), Times.Once);
    }
}

using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.LocalHost.Tests.Samples;

public sealed class SampleTimers(SampleLedger ledger)
{
    /// <summary>Every ten seconds, on the second (six-field NCRONTAB, as the Functions host reads it).</summary>
    [Function(nameof(EveryTenSeconds))]
    public async Task EveryTenSeconds([TimerTrigger("*/10 * * * * *")] TimerInfo timer, FunctionContext context, CancellationToken cancellationToken)
    {
        using (ledger.Enter())
        {
            ledger.Tick(context.FunctionDefinition.Name, timer);
            await ledger.HoldAsync(cancellationToken);
        }
    }
}

using AIWorkflows.App.Web;
using Azure;
using Grpc.Core;

namespace AIWorkflows.App.Tests.Web;

/// <summary>Which failures are storage being out (503 with Retry-After, try again) rather than a fault of ours (500).</summary>
public sealed class StorageOutageClassificationTests
{
    public static TheoryData<string, bool> Failures => new()
    {
        { "storage refused", true },
        { "engine handler threw", true },
        { "engine unavailable", true },
        { "engine refused the argument", false },
        { "a bug of ours", false },
    };

    private static Exception Failure(string name) => name switch
    {
        "storage refused" => new RequestFailedException(503, "Service Unavailable"),
        // The Durable client over gRPC: the engine's storage error arrives only as the status detail.
        "engine handler threw" => new RpcException(new Status(StatusCode.Unknown, "Exception was thrown by handler. DurableTaskStorageException: connection refused")),
        "engine unavailable" => new RpcException(new Status(StatusCode.Unavailable, "")),
        "engine refused the argument" => new RpcException(new Status(StatusCode.InvalidArgument, "no such orchestrator")),
        _ => new InvalidOperationException("a bug"),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void AFailure_IsAnOutage_OnlyWhenStorageOrTheEngineBehindItIsOut(string failure, bool outage)
    {
        Assert.Equal(outage, ProblemResponses.IsStorageOutage(Failure(failure)));
        Assert.Equal(outage, ProblemResponses.IsStorageOutage(new InvalidOperationException("wrapped", Failure(failure))));
    }
}

using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.LocalHost.Functions;

/// <summary>
/// The little of <see cref="FunctionContext"/> that function code here may use: its services, its
/// name and a cancellation token. Bindings, features and retries belong to the Functions host.
/// </summary>
public sealed class LocalFunctionContext(string functionName, IServiceProvider services, CancellationToken cancellationToken) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => functionName;

    public override TraceContext TraceContext => throw new NotSupportedException("No trace context outside the Functions host.");

    public override BindingContext BindingContext => throw new NotSupportedException("No binding context outside the Functions host.");

    public override RetryContext RetryContext => throw new NotSupportedException("No retry context outside the Functions host.");

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => new LocalFunctionDefinition(functionName);

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException("No invocation features outside the Functions host.");

    public override CancellationToken CancellationToken { get; } = cancellationToken;

    private sealed class LocalFunctionDefinition(string name) : FunctionDefinition
    {
        public override ImmutableArray<FunctionParameter> Parameters => [];

        public override string PathToAssembly => typeof(LocalFunctionDefinition).Assembly.Location;

        public override string EntryPoint => name;

        public override string Id => name;

        public override string Name => name;

        public override IImmutableDictionary<string, BindingMetadata> InputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;

        public override IImmutableDictionary<string, BindingMetadata> OutputBindings => ImmutableDictionary<string, BindingMetadata>.Empty;
    }
}

using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace AIWorkflows.LocalHost.Durable;

/// <summary>
/// The <see cref="FunctionContext"/> a function gets when the local host invokes it: its services, its
/// name, an invocation id and a cancellation token. Binding data, trace context and invocation
/// features belong to the Functions host's gRPC protocol, which does not run here.
/// </summary>
public sealed class LocalFunctionContext(LocalFunctionDefinition definition, IServiceProvider services, CancellationToken cancellationToken)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => FunctionDefinition.Id;

    public override FunctionDefinition FunctionDefinition { get; } = definition;

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override CancellationToken CancellationToken { get; } = cancellationToken;

    public override TraceContext TraceContext => throw NotHere(nameof(TraceContext));

    public override BindingContext BindingContext => throw NotHere(nameof(BindingContext));

    public override RetryContext RetryContext => throw NotHere(nameof(RetryContext));

    public override IInvocationFeatures Features => throw NotHere(nameof(Features));

    private static NotSupportedException NotHere(string member) =>
        new($"FunctionContext.{member} is not available in the local host; only InstanceServices, FunctionDefinition.Name, InvocationId, Items and CancellationToken are.");
}

/// <summary>A <see cref="FunctionDefinition"/> read from a <c>[Function]</c> method.</summary>
public sealed class LocalFunctionDefinition(string name, MethodInfo method) : FunctionDefinition
{
    public override string Name { get; } = name;

    public override string Id => Name;

    public override string EntryPoint { get; } = $"{method.DeclaringType!.FullName}.{method.Name}";

    public override string PathToAssembly { get; } = method.DeclaringType!.Assembly.Location;

    public override ImmutableArray<FunctionParameter> Parameters { get; } =
        [.. method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];

    public override IImmutableDictionary<string, BindingMetadata> InputBindings => throw new NotSupportedException("Binding metadata is not available in the local host.");

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings => throw new NotSupportedException("Binding metadata is not available in the local host.");
}

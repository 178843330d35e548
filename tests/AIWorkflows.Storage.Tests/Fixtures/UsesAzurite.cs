using AIWorkflows.Testing;

namespace AIWorkflows.Storage.Tests.Fixtures;

/// <summary>
/// One Azurite for every test class in this collection (xunit 2 has no assembly fixtures). The fixture is
/// shared from AIWorkflows.Testing; the definition stays here because xunit finds it only in the test assembly.
/// </summary>
[CollectionDefinition(Name)]
public sealed class UsesAzurite : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

namespace AIWorkflows.Browser.Tests.Fixtures;

/// <summary>Every browser test class is in this collection: one browser, one Azurite and one shared app per run.</summary>
[CollectionDefinition(Name)]
public sealed class OnBrowser : ICollectionFixture<BrowserWorld>
{
    public const string Name = "Browser";
}

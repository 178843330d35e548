using System.Globalization;
using System.Text.Json.Nodes;
using AIWorkflows.App.Tests.Policy;

namespace AIWorkflows.App.Tests.Reliability;

/// <summary>
/// A copy of the Sacramento pack, saved as pack <c>panel</c> in a throwaway workflows folder, whose
/// high tier is reviewed by <paramref name="reviewers"/> distinct reviewers, all in stage 1, so
/// every one of them can decide the same request at the same moment.
/// </summary>
internal sealed class PanelPack : IDisposable
{
    public const string Id = "panel";

    private readonly PackFolder _folder = new();

    public PanelPack(int reviewers)
    {
        var pack = _folder.Read("sacramento");
        pack["id"] = Id;
        var roles = pack["roles"]!.AsArray();
        var reviews = new JsonArray();
        for (var i = 1; i <= reviewers; i++)
        {
            var role = Role(i);
            roles.Add(new JsonObject
            {
                ["id"] = role,
                ["title"] = $"Panel member {i}",
                ["email"] = Email(i),
                ["source"] = "city default",
            });
            reviews.Add(new JsonObject
            {
                ["role"] = role,
                ["stage"] = 1,
                ["reminderAfterBusinessDays"] = 3,
                ["escalateAfterBusinessDays"] = 5,
                ["escalateTo"] = "cio",
                ["source"] = "city default",
            });
        }
        var high = pack["tiers"]!.AsArray().Single(t => (string?)t!["id"] == "high")!;
        high["reviews"] = reviews;
        _folder.Write(Id, pack);
    }

    /// <summary>App settings that run this pack.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Policy:Directory"] = _folder.Directory };

    public static string Role(int i) => string.Create(CultureInfo.InvariantCulture, $"panel_{i:D2}");

    public static string Email(int i) => string.Create(CultureInfo.InvariantCulture, $"panel{i:D2}@cityofsacramento.example");

    public void Dispose() => _folder.Dispose();
}

using System.Text.Json.Nodes;
using CsCheck;

namespace AIWorkflows.App.Tests.Security;

/// <summary>What a field of a JSON body or a form holds when it is right; the generators add everything that is wrong.</summary>
public abstract record FieldKind
{
    public sealed record Text(params string[] Valid) : FieldKind;
    public sealed record Choice(params string[] Valid) : FieldKind;   // a closed set: anything else must be refused
    public sealed record Flag : FieldKind;
    public sealed record Texts(params string[] Valid) : FieldKind;    // a JSON array of strings
    public sealed record Choices(params string[] Valid) : FieldKind;  // a JSON array from a closed set
}

public sealed record Field(string Name, FieldKind Kind);

public enum BodyKind { None, Json, Form, Csv, Multipart }

/// <summary>One endpoint that takes input: where to send it (with the world's ids and live links) and its fields.</summary>
public sealed record BadInputSpec(string Key, BodyKind Body, Func<SecurityWorld, string> Path, string? DevUser = null, params Field[] Fields);

/// <summary>A generated value: absent, or JSON (of the right or a wrong type), and what is hostile about it.</summary>
public sealed record Generated(JsonNode? Json, bool Present, bool WrongType, bool UnknownChoice, string? Text)
{
    public static readonly Generated Absent = new(null, false, false, false, null);
}

/// <summary>The hostile values: markup and script, control characters, oversized text, any Unicode.</summary>
public static class Hostile
{
    // Each carries markup, so finding it verbatim in HTML means it was not encoded.
    public static readonly string[] Markup =
    [
        "<script>alert('aiw')</script>",
        "\"><img src=x onerror=alert('aiw')>",
        "'><svg onload=alert('aiw')>",
        "</textarea><b id=aiw>bold</b>",
        "<a href=\"javascript:alert('aiw')\">link</a>",
        "&lt;aiw-already-escaped&gt;",
    ];

    public static readonly Gen<string> ControlCharacters = Gen.Char['\0', '\u001f'].Array[1, 12]
        .Select(c => $"before{new string(c)}after\u007f\u202e");

    public static readonly Gen<string> Oversized = Gen.Int[4_001, 70_000].Select(n => new string('x', n - 10) + "<i>big</i>");

    public static readonly Gen<string> Text = Gen.Frequency(
        (4, Gen.OneOf(Markup)),
        (2, ControlCharacters),
        (1, Oversized),
        (2, Gen.String),
        (1, Gen.OneOf(Markup).Select(ControlCharacters, (m, c) => m + c)));

    /// <summary>A JSON value of a type no field of that kind takes.</summary>
    public static Gen<JsonNode> WrongType(FieldKind kind) => kind switch
    {
        FieldKind.Flag => Gen.OneOf<JsonNode>(Gen.Int.Select(i => (JsonNode)JsonValue.Create(i)), Gen.Const<JsonNode>(new JsonArray()), Gen.Const<JsonNode>(new JsonObject())),
        FieldKind.Texts or FieldKind.Choices => Gen.OneOf<JsonNode>(Gen.Int.Select(i => (JsonNode)JsonValue.Create(i)), Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b)), Gen.Const<JsonNode>(new JsonObject())),
        _ => Gen.OneOf<JsonNode>(Gen.Int.Select(i => (JsonNode)JsonValue.Create(i)), Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b)), Gen.Const<JsonNode>(new JsonArray(JsonValue.Create("x"))), Gen.Const<JsonNode>(new JsonObject { ["x"] = 1 })),
    };

    public static Gen<Generated> Json(FieldKind kind)
    {
        Gen<Generated> Good(Gen<JsonNode> g) => g.Select(n => new Generated(n, true, false, false, null));
        var valid = kind switch
        {
            FieldKind.Text t => Good(Gen.OneOf(t.Valid).Select(v => (JsonNode)JsonValue.Create(v))),
            FieldKind.Choice c => Good(Gen.OneOf(c.Valid).Select(v => (JsonNode)JsonValue.Create(v))),
            FieldKind.Flag => Good(Gen.Bool.Select(b => (JsonNode)JsonValue.Create(b))),
            FieldKind.Texts t => Good(Gen.OneOf(t.Valid).Select(v => (JsonNode)new JsonArray(JsonValue.Create(v)))),
            FieldKind.Choices c => Good(Gen.OneOf(c.Valid).Select(v => (JsonNode)new JsonArray(JsonValue.Create(v)))),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var hostile = Text.Select(s => kind switch
        {
            FieldKind.Texts => new Generated(new JsonArray(JsonValue.Create(s)), true, false, false, s),
            FieldKind.Choices => new Generated(new JsonArray(JsonValue.Create(s)), true, false, true, s),
            FieldKind.Flag => new Generated(JsonValue.Create(s), true, true, false, s),
            FieldKind.Choice => new Generated(JsonValue.Create(s), true, false, true, s),
            _ => new Generated(JsonValue.Create(s), true, false, false, s),
        });
        return Gen.Frequency(
            (4, valid),
            (3, hostile),
            (1, WrongType(kind).Select(n => new Generated(n, true, true, false, null))),
            (1, Gen.Const(Generated.Absent)));
    }

    public static Gen<Generated> Form(FieldKind kind)
    {
        var valid = kind switch
        {
            FieldKind.Text t => Gen.OneOf(t.Valid),
            FieldKind.Choice c => Gen.OneOf(c.Valid),
            FieldKind.Flag => Gen.OneOf("true", "false"),
            FieldKind.Texts t => Gen.OneOf(t.Valid),
            FieldKind.Choices c => Gen.OneOf(c.Valid),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return Gen.Frequency(
            (4, valid.Select(v => new Generated(null, true, false, false, v))),
            (4, Text.Select(s => new Generated(null, true, false, kind is FieldKind.Choice or FieldKind.Choices, s))),
            (1, Gen.Const(Generated.Absent)));
    }
}

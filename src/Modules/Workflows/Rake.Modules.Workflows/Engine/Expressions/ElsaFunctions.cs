using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Rake.Modules.Workflows.Engine.Expressions;

/// <summary>
/// The global functions of Elsa 3's JavaScript module that fit a sandbox without CLR access (docs/elsa-javascript.md
/// lists every Elsa function and what Rake does with it). They are installed once per engine and frozen with it; each
/// call reads the scope of the evaluation in progress, so a script only ever sees its own workflow, in its own region.
/// Where Elsa hands a CLR value to the script (a Guid, a byte[]), Rake hands the JSON-shaped equivalent: the GUID's
/// text, an array of byte values.
/// </summary>
internal static class ElsaFunctions
{
    /// <summary>Elsa escapes as System.Text.Json does with every Unicode range allowed: letters stay, HTML characters do not.</summary>
    private static readonly JsonSerializerOptions ToJsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Elsa makes accessors only for names of letters and digits (its VariableNameValidator).</summary>
    public static bool IsAccessorName(string name) => name.Length > 0 && name.All(char.IsLetterOrDigit);

    /// <summary>Elsa pascalises the name (Humanizer); for a name of letters and digits that upper-cases the first letter.</summary>
    public static string Pascalize(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    public static void Install(Jint.Engine engine, SandboxEngine sandbox)
    {
        void Define(string name, int length, Func<JsValue[], JsValue> body) =>
            engine.Global.DefineOwnProperty(name, new PropertyDescriptor(
                new ClrFunction(engine, name, (_, args) => body(args), length), writable: true, enumerable: false, configurable: true));
        IJavaScriptScope Scope() => sandbox.Scope;
        JsValue ToJs(object? value) => SandboxEngine.ToJs(engine, value);

        // Workflow context.
        Define("getWorkflowDefinitionId", 0, _ => Scope().WorkflowDefinitionId);
        Define("getWorkflowDefinitionVersionId", 0, _ => Scope().WorkflowDefinitionVersionId);
        Define("getWorkflowDefinitionVersion", 0, _ => Scope().WorkflowDefinitionVersion);
        Define("getWorkflowInstanceId", 0, _ => Scope().WorkflowInstanceId);
        Define("getCorrelationId", 0, _ => Scope().CorrelationId is { } id ? id : JsValue.Null);
        Define("setCorrelationId", 1, args =>
        {
            Scope().CorrelationId = OptionalString(args, 0);
            return JsValue.Undefined;
        });
        Define("getWorkflowInstanceName", 0, _ => Scope().WorkflowInstanceName is { } name ? name : JsValue.Null);
        Define("setWorkflowInstanceName", 1, args =>
        {
            Scope().WorkflowInstanceName = OptionalString(args, 0);
            return JsValue.Undefined;
        });
        Define("getVariable", 1, args => sandbox.ReadVariable(String(args, 0)));
        Define("setVariable", 2, args =>
        {
            sandbox.WriteVariable(String(args, 0), Arg(args, 1));
            return JsValue.Undefined;
        });
        Define("getInput", 1, args => ToJs(Scope().GetInput(String(args, 0))));
        Define("getOutputFrom", 2, args => ToJs(Scope().GetOutputFrom(String(args, 0), OptionalString(args, 1))));
        Define("getLastResult", 0, _ => ToJs(Scope().LastResult));
        // Rake's own: the item of the enclosing ParallelForEach (Elsa reads it through a variable).
        Define("getCurrentValue", 0, _ => ToJs(Scope().CurrentValue));

        // Utilities.
        Define("isNullOrWhiteSpace", 1, args => OptionalString(args, 0) is not { } s || string.IsNullOrWhiteSpace(s));
        Define("isNullOrEmpty", 1, args => string.IsNullOrEmpty(OptionalString(args, 0)));
        Define("toJson", 1, args => sandbox.LimitString(ToJson(engine, Arg(args, 0))));
        Define("parseGuid", 1, args => Guid.TryParse(String(args, 0), out var guid)
            ? guid.ToString()
            : throw sandbox.TypeError($"'{Truncate(String(args, 0))}' is not a GUID."));
        Func<JsValue[], JsValue> newGuid = _ => Guid.NewGuid().ToString();
        Func<JsValue[], JsValue> newShortGuid = _ => ShortGuid();
        Define("newGuid", 0, newGuid);
        Define("newGuidString", 0, newGuid);
        Define("newShortGuid", 0, newShortGuid);
        Define("getGuidString", 0, newGuid); // deprecated in Elsa, same as newGuidString
        Define("getShortGuid", 0, newShortGuid); // deprecated in Elsa, same as newShortGuid
        Define("bytesToString", 1, args => sandbox.LimitString(Decode(Bytes(sandbox, Arg(args, 0)), sandbox)));
        Define("bytesFromString", 1, args => sandbox.ByteArray(Encoding.UTF8.GetBytes(String(args, 0))));
        Define("bytesToBase64", 1, args => sandbox.LimitString(Convert.ToBase64String(Bytes(sandbox, Arg(args, 0)))));
        Define("bytesFromBase64", 1, args => sandbox.ByteArray(FromBase64(sandbox, String(args, 0))));
        Define("stringToBase64", 1, args => sandbox.LimitString(Convert.ToBase64String(Encoding.UTF8.GetBytes(String(args, 0)))));
        Define("stringFromBase64", 1, args => sandbox.LimitString(Decode(FromBase64(sandbox, String(args, 0)), sandbox)));
    }

    private static JsValue Arg(JsValue[] args, int i) => i < args.Length ? args[i] : JsValue.Undefined;

    /// <summary>A string argument as Elsa's CLR binding reads it: null and undefined are null, anything else its text.</summary>
    private static string? OptionalString(JsValue[] args, int i) =>
        Arg(args, i) is var value && (value.IsNull() || value.IsUndefined()) ? null : TypeConverter.ToString(Arg(args, i));

    private static string String(JsValue[] args, int i) => OptionalString(args, i) ?? "";

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string ShortGuid()
    {
        var text = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        return text.Replace("/", "", StringComparison.Ordinal)
            .Replace("+", "", StringComparison.Ordinal)
            .Replace("=", "", StringComparison.Ordinal);
    }

    /// <summary>Serialises as Elsa's toJson does (System.Text.Json of the value), the value read JSON-shaped first.</summary>
    private static string ToJson(Jint.Engine engine, JsValue value) => SandboxEngine.FromJs(engine, value) switch
    {
        null => "null",
        JsonNode node => node.ToJsonString(ToJsonOptions),
        var scalar => JsonSerializer.Serialize(scalar, scalar.GetType(), ToJsonOptions),
    };

    private static string Decode(byte[] bytes, SandboxEngine sandbox)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw sandbox.TypeError("The bytes are not UTF-8 text.");
        }
    }

    private static byte[] FromBase64(SandboxEngine sandbox, string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw sandbox.TypeError("The text is not Base64.");
        }
    }

    /// <summary>Bytes from an array of numbers 0–255 (Rake's stand-in for Elsa's byte[]); anything else is a TypeError.</summary>
    private static byte[] Bytes(SandboxEngine sandbox, JsValue value)
    {
        if (!value.IsObject())
        {
            throw sandbox.TypeError("Expected an array of byte values (0–255).");
        }
        var array = value.AsObject();
        var length = TypeConverter.ToNumber(array.Get("length"));
        if (double.IsNaN(length) || length < 0 || length > sandbox.Options.MaxArraySize)
        {
            throw sandbox.RangeError($"Expected an array of at most {sandbox.Options.MaxArraySize} byte values.");
        }
        var bytes = new byte[(int)length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var n = TypeConverter.ToNumber(array.Get(i));
            if (n is < 0 or > 255 || n != Math.Floor(n))
            {
                throw sandbox.TypeError($"Element {i} is not a byte value (0–255).");
            }
            bytes[i] = (byte)n;
        }
        return bytes;
    }
}

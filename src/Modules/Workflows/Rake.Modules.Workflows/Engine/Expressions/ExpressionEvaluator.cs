using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rake.Modules.Workflows.Engine.Expressions;

/// <summary>The expression types the engine speaks: Literal, Variable, Object (JSON text) and JavaScript.</summary>
internal sealed class ExpressionEvaluator(JavaScriptSandbox javaScript)
{
    public static readonly IReadOnlyList<string> SupportedTypes = ["Literal", "Variable", "Object", "JavaScript"];

    /// <summary>Evaluates an input of a definition, whose string value was read once (<see cref="InputValue.StringValue"/>).</summary>
    public object? Evaluate(InputValue input, IJavaScriptScope scope) =>
        Evaluate(input.ExpressionType, input.Value, input.StringValue, scope);

    public object? Evaluate(string expressionType, JsonNode? value, IJavaScriptScope scope) =>
        Evaluate(expressionType, value, JsonRead.Text(value), scope);

    private object? Evaluate(string expressionType, JsonNode? value, string? text, IJavaScriptScope scope)
    {
        switch (expressionType)
        {
            case "Literal":
                // A literal may be a JSON string ("True") or a JSON scalar (false); keep the JSON type when there is one.
                return value is JsonValue scalar && scalar.GetValueKind() != JsonValueKind.String ? ScalarOf(scalar)
                    : text ?? value?.DeepClone();
            case "Variable":
                return scope.GetVariable(text ?? (string?)value?["name"] ?? "");
            case "Object":
                if (text is null)
                {
                    return value?.DeepClone();
                }
                return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
            case "JavaScript":
                return string.IsNullOrWhiteSpace(text) ? null : javaScript.Evaluate(text, scope);
            default:
                throw new NotSupportedException(
                    $"Expression type '{expressionType}' is not supported (supported: {string.Join(", ", SupportedTypes)}).");
        }
    }

    private static object? ScalarOf(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetValue<int>(out var n) => n,
        JsonValueKind.Number => value.GetValue<double>(),
        _ => null,
    };
}

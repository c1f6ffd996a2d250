using System.Text;

namespace Rake.Modules.Workflows.Engine.Expressions;

/// <summary>
/// Rewrites an admin's script so it cannot run unbounded: Jurassic compiles to IL and has no cancellation, so the
/// only way to stop a loop from the inside is for the loop to call us. Every <c>while</c>/<c>do…while</c> condition,
/// every <c>for(;;)</c> condition, every <c>for…in/of</c> body and every function body gets a call to
/// <see cref="TickFunction"/>, which throws a .NET exception (that JavaScript cannot catch) once time is up.
/// A small lexer (strings, templates, comments, regex literals) keeps the insertions out of literals.
/// Scripts that could dodge the rewrite (naming the tick function, identifier escapes) are refused.
/// </summary>
internal static class JavaScriptInstrumenter
{
    public const string ReservedPrefix = "__rake";
    public const string TickFunction = "__rake_tick";
    private const string Tick = TickFunction + "()";

    private static readonly HashSet<string> KeywordsBeforeRegex =
        ["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield"];

    private enum FrameKind { Paren, Bracket, Brace, TemplateSubstitution }

    private sealed class Frame(FrameKind kind, string? keyword)
    {
        public FrameKind Kind { get; } = kind;
        public string? Keyword { get; } = keyword;
        public int Semicolons { get; set; }
        public int ConditionStart { get; set; }
    }

    /// <summary>The instrumented script, and whether it has a top-level <c>return</c> (Elsa accepts <c>return false;</c>).</summary>
    public static (string Script, bool HasTopLevelReturn) Instrument(string source)
    {
        var output = new StringBuilder(source.Length + 64);
        var frames = new Stack<Frame>();
        string? lastToken = null;          // last significant token: identifier/keyword text or punctuator
        var lastWasValue = false;          // last token ends an operand (identifier, literal, ')' ']' '}')
        string? lastClosedParenKeyword = null;
        var lastWasCloseParen = false;
        var needBraceTick = false;         // after for…in/of header
        var topLevelReturn = false;
        var i = 0;

        void Significant(string token, bool isValue)
        {
            lastToken = token;
            lastWasValue = isValue;
            lastWasCloseParen = false;
        }

        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                output.Append(c);
                i++;
                continue;
            }
            if (needBraceTick && c != '{' && !(c == '/' && i + 1 < source.Length && source[i + 1] is '/' or '*'))
            {
                throw new ScriptRejectedException("The body of a for…in or for…of loop must be a block in braces.");
            }
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                var end = source.IndexOf('\n', i);
                end = end < 0 ? source.Length : end;
                output.Append(source, i, end - i);
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new ScriptRejectedException("Unterminated comment.");
                }
                output.Append(source, i, end + 2 - i);
                i = end + 2;
                continue;
            }
            if (c is '"' or '\'')
            {
                var start = i++;
                while (i < source.Length && source[i] != c && source[i] != '\n')
                {
                    i += source[i] == '\\' ? 2 : 1;
                }
                i = Math.Min(i + 1, source.Length);
                output.Append(source, start, i - start);
                Significant("string", true);
                continue;
            }
            if (c == '`')
            {
                output.Append(c);
                i = CopyTemplate(source, i + 1, output, frames);
                Significant("template", true);
                continue;
            }
            if (c == '/' && !lastWasValue)
            {
                var start = i++;
                var inClass = false;
                while (i < source.Length && (inClass || source[i] != '/') && source[i] != '\n')
                {
                    if (source[i] == '\\')
                    {
                        i++;
                    }
                    else if (source[i] == '[')
                    {
                        inClass = true;
                    }
                    else if (source[i] == ']')
                    {
                        inClass = false;
                    }
                    i++;
                }
                i = Math.Min(i + 1, source.Length);
                while (i < source.Length && char.IsLetter(source[i]))
                {
                    i++;
                }
                output.Append(source, start, i - start);
                Significant("regex", true);
                continue;
            }
            if (c == '\\')
            {
                // Unicode escapes in identifiers could spell the reserved names past the check below.
                throw new ScriptRejectedException("Escape sequences outside string literals are not allowed.");
            }
            if (char.IsLetter(c) || c is '_' or '$')
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] is '_' or '$'))
                {
                    i++;
                }
                var word = source[start..i];
                if (word.StartsWith(ReservedPrefix, StringComparison.Ordinal))
                {
                    throw new ScriptRejectedException($"Identifiers starting with '{ReservedPrefix}' are reserved.");
                }
                if (word == "eval")
                {
                    // Jurassic compiles a call named eval as direct eval whatever the global holds, so it is refused by name.
                    throw new ScriptRejectedException("eval is not allowed.");
                }
                output.Append(word);
                if (word == "return" && frames.Count == 0)
                {
                    topLevelReturn = true;
                }
                Significant(word, !KeywordsBeforeRegex.Contains(word));
                continue;
            }
            if (char.IsDigit(c) || (c == '.' && i + 1 < source.Length && char.IsDigit(source[i + 1])))
            {
                var start = i;
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '.' ||
                       ((source[i] is '+' or '-') && source[i - 1] is 'e' or 'E' && !source[start..i].StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
                {
                    i++;
                }
                output.Append(source, start, i - start);
                Significant("number", true);
                continue;
            }

            i++;
            switch (c)
            {
                case '(':
                {
                    var keyword = lastToken is "while" or "for" or "if" or "switch" or "catch" or "with" ? lastToken : null;
                    var frame = new Frame(FrameKind.Paren, keyword);
                    frames.Push(frame);
                    output.Append('(');
                    if (keyword == "while")
                    {
                        output.Append(Tick).Append(" && (");
                    }
                    Significant("(", false);
                    break;
                }
                case ')':
                {
                    var frame = Pop(frames, FrameKind.Paren);
                    if (frame.Keyword == "while")
                    {
                        output.Append(')');
                    }
                    if (frame.Keyword == "for" && frame.Semicolons == 0)
                    {
                        needBraceTick = true;
                    }
                    output.Append(')');
                    Significant(")", true);
                    lastClosedParenKeyword = frame.Keyword;
                    lastWasCloseParen = true;
                    break;
                }
                case ';':
                {
                    if (frames.TryPeek(out var top) && top is { Kind: FrameKind.Paren, Keyword: "for" })
                    {
                        top.Semicolons++;
                        if (top.Semicolons == 1)
                        {
                            output.Append(';').Append(Tick).Append(" && (");
                            top.ConditionStart = output.Length;
                        }
                        else if (top.Semicolons == 2)
                        {
                            var condition = output.ToString(top.ConditionStart, output.Length - top.ConditionStart);
                            output.Append(string.IsNullOrWhiteSpace(condition) ? "true)" : ")").Append(';');
                        }
                        else
                        {
                            output.Append(';');
                        }
                    }
                    else
                    {
                        output.Append(';');
                    }
                    Significant(";", false);
                    break;
                }
                case '{':
                {
                    // After ')' a brace opens a function or method body, or a statement block (harmless to tick);
                    // only a switch body cannot take a statement before its first case.
                    var tick = needBraceTick || (lastWasCloseParen && lastClosedParenKeyword != "switch");
                    needBraceTick = false;
                    frames.Push(new Frame(FrameKind.Brace, null));
                    output.Append('{');
                    if (tick)
                    {
                        output.Append(Tick).Append(';');
                    }
                    Significant("{", false);
                    break;
                }
                case '}':
                {
                    if (!frames.TryPeek(out var top))
                    {
                        throw new ScriptRejectedException("Unbalanced '}'.");
                    }
                    frames.Pop();
                    output.Append('}');
                    if (top.Kind == FrameKind.TemplateSubstitution)
                    {
                        i = CopyTemplate(source, i, output, frames);
                        Significant("template", true);
                    }
                    else if (top.Kind == FrameKind.Brace)
                    {
                        Significant("}", true);
                    }
                    else
                    {
                        throw new ScriptRejectedException("Unbalanced '}'.");
                    }
                    break;
                }
                case '[':
                    frames.Push(new Frame(FrameKind.Bracket, null));
                    output.Append('[');
                    Significant("[", false);
                    break;
                case ']':
                    Pop(frames, FrameKind.Bracket);
                    output.Append(']');
                    Significant("]", true);
                    break;
                default:
                    output.Append(c);
                    // '++' and '--' after an operand keep it an operand for regex detection purposes.
                    var postfix = (c is '+' or '-') && i < source.Length && source[i] == c && lastWasValue;
                    if (postfix)
                    {
                        output.Append(source[i]);
                        i++;
                        Significant(c + "" + c, true);
                    }
                    else
                    {
                        Significant(c.ToString(), false);
                    }
                    break;
            }
        }
        if (frames.Count > 0)
        {
            throw new ScriptRejectedException("Unbalanced brackets.");
        }
        if (needBraceTick)
        {
            throw new ScriptRejectedException("The body of a for…in or for…of loop must be a block in braces.");
        }
        return (output.ToString(), topLevelReturn);
    }

    /// <summary>Copies template text from <paramref name="i"/>; stops after the closing backtick or after a <c>${</c>, which opens a frame.</summary>
    private static int CopyTemplate(string source, int i, StringBuilder output, Stack<Frame> frames)
    {
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length)
            {
                output.Append(source, i, 2);
                i += 2;
                continue;
            }
            if (c == '`')
            {
                output.Append(c);
                return i + 1;
            }
            if (c == '$' && i + 1 < source.Length && source[i + 1] == '{')
            {
                output.Append("${");
                frames.Push(new Frame(FrameKind.TemplateSubstitution, null));
                return i + 2;
            }
            output.Append(c);
            i++;
        }
        throw new ScriptRejectedException("Unterminated template literal.");
    }

    private static Frame Pop(Stack<Frame> frames, FrameKind expected)
    {
        if (!frames.TryPop(out var frame) || frame.Kind != expected)
        {
            throw new ScriptRejectedException("Unbalanced brackets.");
        }
        return frame;
    }
}

/// <summary>A script refused before it runs (too large, or written to dodge the sandbox).</summary>
internal sealed class ScriptRejectedException(string message) : Exception(message);

/// <summary>A script stopped because it ran out of time.</summary>
internal sealed class ScriptTimeoutException(string message) : Exception(message);

/// <summary>A script that failed as JavaScript (syntax or runtime error).</summary>
internal sealed class ScriptErrorException(string message, Exception? inner = null) : Exception(message, inner);

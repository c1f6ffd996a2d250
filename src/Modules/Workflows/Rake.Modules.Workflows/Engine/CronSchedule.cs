namespace Rake.Modules.Workflows.Engine;

/// <summary>
/// A cron expression: six fields with seconds (<c>0 0 * * * *</c>, what Elsa's Cron activity uses, via Cronos) or the
/// classic five. Supports <c>*</c>, lists, ranges, steps, month and weekday names, and <c>?</c>. Written here because no
/// cron library is in the package source (Quartz's parser wants seven-field Quartz syntax); error texts follow Cronos,
/// which Elsa reports verbatim.
/// </summary>
internal sealed class CronSchedule
{
    private const string InvalidFormat = "The given cron expression has an invalid format.";

    private static readonly (string Name, int Min, int Max)[] SixFields =
    [
        ("Seconds", 0, 59), ("Minutes", 0, 59), ("Hours", 0, 23), ("Days of month", 1, 31), ("Months", 1, 12), ("Days of week", 0, 7),
    ];

    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[][] _allowed;
    private readonly bool _dayOfMonthRestricted;
    private readonly bool _dayOfWeekRestricted;

    private CronSchedule(bool[][] allowed, bool dayOfMonthRestricted, bool dayOfWeekRestricted)
    {
        _allowed = allowed;
        _dayOfMonthRestricted = dayOfMonthRestricted;
        _dayOfWeekRestricted = dayOfWeekRestricted;
    }

    /// <exception cref="FormatException">With a Cronos-style message naming the field at fault.</exception>
    public static CronSchedule Parse(string expression)
    {
        var parts = expression.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 5)
        {
            parts = ["0", .. parts];
        }
        else if (parts.Length != 6)
        {
            // Cronos reads fields left to right, so a single word fails on the seconds field first.
            if (parts.Length > 0 && !LooksNumeric(parts[0]))
            {
                throw Error("Seconds", 0, 59);
            }
            throw new FormatException($"{InvalidFormat} Expected 5 or 6 fields, found {parts.Length}.");
        }
        var allowed = new bool[6][];
        for (var f = 0; f < 6; f++)
        {
            var (name, min, max) = SixFields[f];
            allowed[f] = ParseField(parts[f], name, min, max, f == 4 ? MonthNames : f == 5 ? DayNames : null, f == 4 ? 1 : 0);
        }
        // Sunday is both 0 and 7.
        allowed[5][0] |= allowed[5][7];
        return new CronSchedule(allowed, parts[3] is not ("*" or "?"), parts[5] is not ("*" or "?"));
    }

    /// <summary>The months the expression fires in (1–12), in order.</summary>
    public IReadOnlyList<int> Months => Enumerable.Range(1, 12).Where(m => _allowed[4][m]).ToList();

    public static bool TryParse(string expression, out CronSchedule? schedule, out string? error)
    {
        try
        {
            schedule = Parse(expression);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            schedule = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, in the offset of <paramref name="after"/>.</summary>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after)
    {
        var t = after.AddTicks(-(after.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        var limit = after.AddYears(5);
        while (t <= limit)
        {
            if (!_allowed[4][t.Month]) { t = new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, t.Offset).AddMonths(1); continue; }
            if (!DayMatches(t)) { t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, t.Offset).AddDays(1); continue; }
            if (!_allowed[2][t.Hour]) { t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, t.Offset).AddHours(1); continue; }
            if (!_allowed[1][t.Minute]) { t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, t.Offset).AddMinutes(1); continue; }
            if (!_allowed[0][t.Second]) { t = t.AddSeconds(1); continue; }
            return t;
        }
        return null;
    }

    private bool DayMatches(DateTimeOffset t)
    {
        var dom = _allowed[3][t.Day];
        var dow = _allowed[5][(int)t.DayOfWeek];
        // Classic cron: when both day fields are restricted, either may match.
        return _dayOfMonthRestricted && _dayOfWeekRestricted ? dom || dow : dom && dow;
    }

    private static bool[] ParseField(string field, string name, int min, int max, string[]? names, int nameBase)
    {
        var allowed = new bool[max + 1];
        foreach (var item in field.Split(','))
        {
            var step = 1;
            var rangePart = item;
            var slash = item.IndexOf('/');
            if (slash >= 0)
            {
                if (!int.TryParse(item[(slash + 1)..], out step) || step <= 0)
                {
                    throw Error(name, min, max);
                }
                rangePart = item[..slash];
            }
            int from, to;
            if (rangePart is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else
            {
                var dash = rangePart.IndexOf('-');
                from = Value(dash >= 0 ? rangePart[..dash] : rangePart, name, min, max, names, nameBase);
                to = dash >= 0 ? Value(rangePart[(dash + 1)..], name, min, max, names, nameBase) : slash >= 0 ? max : from;
                if (to < from)
                {
                    throw Error(name, min, max);
                }
            }
            for (var v = from; v <= to; v += step)
            {
                allowed[v] = true;
            }
        }
        return allowed;
    }

    private static int Value(string text, string name, int min, int max, string[]? names, int nameBase)
    {
        if (int.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }
        if (names is not null)
        {
            var index = Array.IndexOf(names, text.ToUpperInvariant());
            if (index >= 0)
            {
                return index + nameBase;
            }
        }
        throw Error(name, min, max);
    }

    private static bool LooksNumeric(string field) => field.Length > 0 && (char.IsDigit(field[0]) || field[0] is '*' or '?');

    private static FormatException Error(string field, int min, int max) =>
        new($"{InvalidFormat} {field}: Value must be a number between {min} and {max} (all inclusive).");
}

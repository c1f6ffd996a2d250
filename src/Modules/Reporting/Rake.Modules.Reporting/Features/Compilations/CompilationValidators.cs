using FluentValidation;
using Mapster;

namespace Rake.Modules.Reporting.Features.Compilations;

/// <summary>A compilation note: its kind and text, and a report number only of a report received in the note's period.</summary>
internal sealed class AddCompilationNoteValidator : RequestValidator<AddCompilationNote>
{
    public const int ResponsiblePersonMax = 200;

    private readonly ReportingDbContext db;
    private Task<PeriodScheme>? scheme;

    public AddCompilationNoteValidator(TextCatalog texts, ReportingDbContext db, TimeProvider clock) : base(texts)
    {
        this.db = db;
        EnumName<CompilationNoteKind>(r => r.Kind);
        RequiredText(r => r.Text, CompilationNote.TextMax);
        OptionalText(r => r.ResponsiblePerson, ResponsiblePersonMax);
        RuleFor(r => r.PeriodId).CustomAsync(async (periodId, context, ct) =>
        {
            var periods = await SchemeAsync(ct);
            if (ReportingPeriod.Parse(periods, periodId) is null)
            {
                var examples = string.Join(", ", ReportingPeriod.ForYear(periods, Helsinki.Today(clock).Year).Select(p => p.Id));
                context.AddFailure(Texts.Get("reporting.period.unknown", periodId, examples));
            }
        });
        RuleFor(r => r.ReportNumber).CustomAsync(async (number, context, ct) =>
        {
            if (number is null || ReportingPeriod.Parse(await SchemeAsync(ct), context.InstanceToValidate.PeriodId) is not { } period)
            {
                return;
            }
            var from = Helsinki.StartOf(period.From);
            var until = Helsinki.StartOf(period.To.AddDays(1));
            if (!await db.Reports.AnyAsync(r => r.Number == number && r.ReceivedAt >= from && r.ReceivedAt < until, ct))
            {
                context.AddFailure(Texts.Get("reporting.compilation.reportNotInPeriod", number, period.Id));
            }
        });
    }

    /// <summary>The note's kind, or null when the request names none the validator would accept.</summary>
    public static CompilationNoteKind? KindOrNull(string? kind) =>
        kind is not null && Enum.TryParse<CompilationNoteKind>(kind.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(kind.Trim(), out _)
            ? parsed
            : null;

    private Task<PeriodScheme> SchemeAsync(CancellationToken ct) =>
        scheme ??= db.PeriodSchemeAsync(ct);
}

internal sealed class CompilationMapping : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<CompilationNote, CompilationNoteDto>();
}

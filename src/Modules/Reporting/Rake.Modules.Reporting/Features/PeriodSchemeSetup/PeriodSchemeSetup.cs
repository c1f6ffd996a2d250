namespace Rake.Modules.Reporting.Features.PeriodSchemeSetup;

/// <summary>The region's period scheme. <see cref="Chosen"/> is false while the default applies because nobody has chosen;
/// <see cref="Changeable"/> is false once reports exist (docs/adr/0102).</summary>
internal sealed record PeriodSchemeDto(string Scheme, int StartMonth, bool Chosen, bool Changeable);

/// <summary><see cref="Scheme"/> is CalendarYear or HalfYears; <see cref="StartMonth"/> (1–12) is needed for half-years.</summary>
internal sealed record PeriodSchemeRequest(string? Scheme, int? StartMonth);

internal static class PeriodSchemeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        const string tag = "Region setup";
        api.MapGet("/reporting-settings/period-scheme", (PeriodSchemeHandler h, CancellationToken ct) => h.GetAsync(ct))
            .RequireRegionRoles(ReportingRoles.Admin)
            .WithTags(tag)
            .WithSummary("The region's reporting-period scheme, whether it was chosen and whether it may still change (RegionAdmin).");
        api.MapPut("/reporting-settings/period-scheme", (PeriodSchemeRequest request, PeriodSchemeHandler h, CancellationToken ct) =>
                h.ChooseAsync(request, ct))
            .RequireRegionRoles(ReportingRoles.Admin)
            .WithTags(tag)
            .WithSummary("Choose calendar year with cumulative quarters or half-years from a start month; 409 once reports exist " +
                "(RegionAdmin).");
    }
}

internal sealed class PeriodSchemeHandler(ReportingDbContext db, TextCatalog texts)
{
    public async Task<PeriodSchemeDto> GetAsync(CancellationToken ct)
    {
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct);
        var scheme = settings?.Scheme ?? PeriodScheme.Default;
        return new PeriodSchemeDto(scheme.Kind.ToString(), scheme.StartMonth, settings is not null, !await HasPeriodDataAsync(ct));
    }

    /// <summary>
    /// Sets the scheme. Choosing the one already in force is always accepted; another is refused once the region has reports or
    /// compilation notes, because their period ids (2026-H1) and the figures already sent on would then mean other days.
    /// </summary>
    public async Task<PeriodSchemeDto> ChooseAsync(PeriodSchemeRequest request, CancellationToken ct)
    {
        var kind = Enum.Parse<PeriodKind>(request.Scheme!.Trim(), ignoreCase: true);
        var wanted = kind == PeriodKind.HalfYears ? PeriodScheme.HalfYears(request.StartMonth!.Value) : PeriodScheme.CalendarYear;
        var settings = await db.Settings.FirstOrDefaultAsync(ct);
        if (settings?.Scheme != wanted)
        {
            if (await HasPeriodDataAsync(ct))
            {
                throw new ConflictException(texts["reporting.scheme.locked"]);
            }
            if (settings is null)
            {
                db.Settings.Add(settings = new ReportingSettings());
            }
            (settings.PeriodKind, settings.HalfYearStartMonth) = (wanted.Kind, wanted.StartMonth);
            await db.SaveChangesAsync(ct);
        }
        return new PeriodSchemeDto(wanted.Kind.ToString(), wanted.StartMonth, true, !await HasPeriodDataAsync(ct));
    }

    private async Task<bool> HasPeriodDataAsync(CancellationToken ct) =>
        await db.Reports.AnyAsync(ct) || await db.CompilationNotes.AnyAsync(ct);
}

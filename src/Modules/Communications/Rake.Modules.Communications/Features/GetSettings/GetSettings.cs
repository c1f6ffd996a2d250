using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.GetSettings;

internal static class GetSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/communication-settings", (GetSettingsHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithTags("Distribution lists and e-mail")
            .RequireRegionRoles(CommRoles.Read);
}

internal sealed class GetSettingsHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<SettingsDto> HandleAsync(CancellationToken ct) =>
        await db.Settings.AsNoTracking().FirstOrDefaultAsync(ct) is { } settings
            ? mapper.Map<SettingsDto>(settings)
            : new SettingsDto(EmailReporters: false);
}

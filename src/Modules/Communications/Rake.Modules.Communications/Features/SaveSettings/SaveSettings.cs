using Rake.Modules.Communications.Features.Mail;

namespace Rake.Modules.Communications.Features.SaveSettings;

internal static class SaveSettingsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/communication-settings", (SettingsDto r, SaveSettingsHandler h, CancellationToken ct) => h.HandleAsync(r, ct))
            .WithTags("Distribution lists and e-mail")
            .RequireRegionRoles(CommRoles.ChangeSettings)
            .WithSummary("Whether reporters also get an e-mail when their report's handling moves on.");
}

internal sealed class SaveSettingsHandler(CommunicationsDbContext db, ModuleMapper<CommunicationsModule> mapper)
{
    public async Task<SettingsDto> HandleAsync(SettingsDto request, CancellationToken ct)
    {
        var settings = await db.Settings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            db.Settings.Add(settings = new CommunicationSettings());
        }
        settings.EmailReporters = request.EmailReporters;
        await db.SaveChangesAsync(ct);
        return mapper.Map<SettingsDto>(settings);
    }
}

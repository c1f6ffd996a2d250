namespace Rake.Modules.Communications.Features.InfoSessions;

internal sealed record InfoSessionDto(
    Guid Id, string Kind, string Title, DateTimeOffset StartsAt, string? Location, string? Materials, string MaterialsHtml,
    int? Attendance);

internal sealed class InfoSessionMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<InfoSession, InfoSessionDto>()
            .Map(d => d.MaterialsHtml, s => MarkdownRenderer.ToHtml(s.Materials));
}

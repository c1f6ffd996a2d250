using Mapster;

namespace Rake.Modules.Reporting.Features.ViewReports;

/// <summary>
/// A stored report as its reader sees it: people by user name and display name, categories sorted, the timeline in order.
/// What depends on the reader (next statuses, processing, the supervisor's record) is settled by the handler, which knows them.
/// </summary>
internal sealed class ViewReportsMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<SupervisorRecord, SupervisorRecordDto>();
        config.NewConfig<SocialReport, SocialReportDto>()
            .Map(d => d.Categories, s => s.Categories.Select(c => c.Code).Order().ToList())
            .Map(d => d.Reporter, s => new PersonDto(s.ReporterUserName, s.ReporterName))
            .Map(d => d.Supervisor, s => new PersonDto(s.SupervisorUserName, s.SupervisorName))
            .Map(d => d.CoReporters, s => s.CoReporters.Select(c => new PersonDto(c.UserName, c.DisplayName)).ToList())
            .Map(d => d.Timeline, s => s.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id)
                .Select(t => new TimelineEntryDto(t.At, t.Status.ToString(), t.Actor, t.Comment)).ToList())
            .Map(d => d.SupervisorRecord, s => s.Record)
            .Map(d => d.AllowedNextStatuses, s => new List<string>())
            .Map(d => d.CanProcess, s => false);
    }
}
